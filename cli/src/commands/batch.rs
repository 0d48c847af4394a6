//! `ehcp batch DIR_OR_GLOB --out REPORT_DIR`: every plan of a folder (or a
//! glob), checked in parallel, into one report folder.
//!
//! - **Finding files**: a folder is walked recursively (walkdir: sorted,
//!   symbolic links to folders not followed, so no loops); a glob is split
//!   into its literal base folder and a pattern matched (globset) against
//!   each path under it, relative, with `*` not crossing `/` and `**` any
//!   depth. One walker serves both, so the names in the report are always
//!   paths relative to the base. Word documents (.docx, .docm, .dotx, .dotm)
//!   are checked; old .doc/.dot files are listed as failures with the way to
//!   fix them rather than silently ignored; Word's `~$` lock files and
//!   earlier reports inside the folder are skipped.
//! - **Memory stays flat**: each worker reads one file, checks it, writes
//!   its JSON and HTML page (and annotated / converted copy), then drops it,
//!   keeping only a small [`PlanRow`] for the index.
//! - **Never stops at a bad file**: read errors and even a panic in the
//!   checker become a row of `failures.csv`.
//! - **Re-runs reflect the folder as it is now**: the report is built in a
//!   fresh staging folder beside REPORT_DIR and swapped in at the end, so
//!   stale outputs of deleted plans disappear and a failed run leaves the
//!   previous report whole. REPORT_DIR must be new, empty, or an earlier
//!   report (it holds a `.ehcp-report` marker): the tool never deletes a
//!   folder it did not write.

use std::collections::HashSet;
use std::fs;
use std::io::{IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, anyhow, bail};
use ehcp_core::Severity;
use ehcp_core::edge::CheckReport;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::Exit;
use crate::output::{parent_dir, read_input, utc_now_iso, write_plain};
use crate::render::html::{IndexPage, index_page, plan_page};
use crate::report::{FailureRow, PlanRow};
use crate::settings::load_config;

/// The marker file that says a folder is an `ehcp batch` report.
pub const MARKER: &str = ".ehcp-report";

/// Word packages the core reads.
const CHECKED: &[&str] = &["docx", "docm", "dotx", "dotm"];
/// Old binary Word files: listed as failures, with how to fix them.
const LEGACY: &[&str] = &["doc", "dot"];

/// When `batch` exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Any plan with an error-level finding.
    Error,
    /// Any plan with a warning or an error.
    Warning,
}

#[derive(Debug, Clone)]
pub struct BatchOptions {
    pub input: String,
    pub out: PathBuf,
    pub annotate: bool,
    pub convert: bool,
    pub jobs: Option<usize>,
    pub fail_on: Option<FailOn>,
    pub config: Option<PathBuf>,
    pub author: Option<String>,
    pub min_severity: Severity,
    pub verbose: bool,
    /// Show a progress bar (standard error is a terminal).
    pub progress: bool,
}

/// One file to check: where it is and its names in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub path: PathBuf,
    /// Relative to the base folder, `/`-separated.
    pub file: String,
    /// Safe and unique within the report (`plans/<name>.json`).
    pub name: String,
}

/// What came of one file.
#[derive(Debug)]
struct Processed {
    row: Option<PlanRow>,
    failure: Option<FailureRow>,
}

pub fn run(options: &BatchOptions, out: &mut dyn Write) -> anyhow::Result<Exit> {
    if options.jobs == Some(0) {
        bail!("--jobs must be at least 1");
    }
    let config = load_config(options.config.as_deref())?;
    // One checker for the whole run: the vocabularies are compiled once.
    let checker = ehcp_core::Checker::new(&config);
    let jobs = discover(&options.input, Some(&options.out))?;
    if jobs.is_empty() {
        bail!(
            "{}: no Word documents (.docx, .docm, .dotx, .dotm) found",
            options.input
        );
    }
    check_report_dir(&options.out)?;
    let parent = parent_dir(&options.out);
    fs::create_dir_all(&parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".ehcp-staging-")
        .tempdir_in(&parent)
        .with_context(|| format!("cannot write in {}", parent.display()))?;
    let root = staging.path();
    fs::create_dir_all(root.join("plans"))?;

    let progress = progress_bar(jobs.len(), options.progress);
    let done = AtomicUsize::new(0);
    let total = jobs.len();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .thread_name(|i| format!("ehcp-batch-{i}"))
        .build()
        .context("cannot start the worker threads")?;
    let results: Vec<anyhow::Result<Processed>> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let result = process(job, root, options, &checker);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                report_progress(&progress, n, total, job, &result);
                result
            })
            .collect()
    });
    progress.finish_and_clear();

    let mut rows = Vec::with_capacity(results.len());
    let mut failures = Vec::new();
    for result in results {
        let processed = result?;
        rows.extend(processed.row);
        failures.extend(processed.failure);
    }

    write_plain(
        &root.join("summary.csv"),
        &crate::render::csv::summary(&rows)?,
    )?;
    write_plain(
        &root.join("failures.csv"),
        &crate::render::csv::failures(&failures)?,
    )?;
    let generated = utc_now_iso();
    let html = index_page(&IndexPage {
        source: &options.input,
        generated: &generated,
        rows: &rows,
        failures: &failures,
        annotated: options.annotate,
    });
    write_plain(&root.join("index.html"), html.as_bytes())?;
    write_plain(
        &root.join(MARKER),
        format!(
            "ehcp batch report {}\nsource: {}\ngenerated: {generated}\n",
            env!("CARGO_PKG_VERSION"),
            options.input
        )
        .as_bytes(),
    )?;
    swap_into_place(staging, &options.out)?;

    let with_errors = rows.iter().filter(|r| r.errors > 0).count();
    let with_warnings = rows.iter().filter(|r| r.warnings > 0).count();
    writeln!(
        out,
        "{} plans checked ({with_errors} with errors, {with_warnings} with warnings); {} could not be read; report: {}",
        rows.len(),
        failures.len(),
        crate::render::text::terminal_safe(&options.out.join("index.html").display().to_string())
    )?;
    Ok(if !failures.is_empty() {
        Exit::Failed
    } else {
        match options.fail_on {
            Some(FailOn::Error) if with_errors > 0 => Exit::Findings,
            Some(FailOn::Warning) if with_errors + with_warnings > 0 => Exit::Findings,
            _ => Exit::Clean,
        }
    })
}

/// Reads, checks and writes one plan's outputs. `Err` only when the report
/// itself cannot be written (then the whole batch stops).
fn process(
    job: &Job,
    root: &Path,
    options: &BatchOptions,
    checker: &ehcp_core::Checker,
) -> anyhow::Result<Processed> {
    let failed = |reason: String| Processed {
        row: None,
        failure: Some(FailureRow {
            file: job.file.clone(),
            reason,
        }),
    };
    let extension = extension(&job.path);
    if LEGACY.contains(&extension.as_str()) {
        return Ok(failed(ehcp_core::ReadError::LegacyWordDocument.to_string()));
    }
    let bytes = match read_input(&job.path) {
        Ok(bytes) => bytes,
        Err(error) => {
            let message = error.to_string();
            let prefix = format!("{}: ", job.path.display());
            return Ok(failed(
                message.strip_prefix(&prefix).unwrap_or(&message).to_owned(),
            ));
        }
    };
    let checked = catch_unwind(AssertUnwindSafe(|| checker.check(&bytes)));
    let review = match checked {
        Ok(Ok(review)) => review,
        Ok(Err(error)) => return Ok(failed(error.to_string())),
        Err(_) => {
            return Ok(failed(
                "the checker stopped on this file (an internal error): please report it".into(),
            ));
        }
    };
    let report = CheckReport::new(&job.file, &review);
    let row = PlanRow::new(&job.file, &job.name, &report);
    let plans = root.join("plans");
    let mut json = serde_json::to_vec_pretty(&report)?;
    json.push(b'\n');
    write_plain(&plans.join(format!("{}.json", job.name)), &json)?;
    write_plain(
        &plans.join(format!("{}.html", job.name)),
        plan_page(&job.name, &report, &review).as_bytes(),
    )?;
    drop(report);

    let mut failure = None;
    if options.convert {
        let model = ehcp_core::edge::ExtractReport::new(&job.file, &review.document, &review.plan);
        let mut json = serde_json::to_vec_pretty(&model)?;
        json.push(b'\n');
        write_plain(
            &root.join("converted").join(format!("{}.json", job.name)),
            &json,
        )?;
    }
    if options.annotate {
        let annotate_options = super::annotate::comment_options(
            options.author.as_deref(),
            checker.config(),
            options.min_severity,
            utc_now_iso(),
        );
        let annotated = catch_unwind(AssertUnwindSafe(|| {
            ehcp_core::annotate::annotate(&bytes, &review, &annotate_options)
        }));
        match annotated {
            Ok(Ok(annotated)) => write_plain(
                &root
                    .join("annotated")
                    .join(crate::render::html::annotated_name(&row)),
                &annotated,
            )?,
            Ok(Err(error)) => {
                failure = Some(FailureRow {
                    file: job.file.clone(),
                    reason: format!("checked, but no annotated copy: {error}"),
                });
            }
            Err(_) => {
                failure = Some(FailureRow {
                    file: job.file.clone(),
                    reason: "checked, but no annotated copy: an internal error".into(),
                });
            }
        }
    }
    Ok(Processed {
        row: Some(row),
        failure,
    })
}

fn progress_bar(total: usize, show: bool) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} plans ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
}

/// The progress bar on a terminal; otherwise one plain line per file
/// (file name and counts only: never plan text).
fn report_progress(
    bar: &ProgressBar,
    n: usize,
    total: usize,
    job: &Job,
    result: &anyhow::Result<Processed>,
) {
    if !bar.is_hidden() {
        bar.inc(1);
        return;
    }
    let file = crate::render::text::terminal_safe(&job.file);
    let status = match result {
        Ok(Processed { row: Some(row), .. }) => format!(
            "{} errors, {} warnings, {} info",
            row.errors, row.warnings, row.infos
        ),
        Ok(Processed {
            failure: Some(f), ..
        }) => format!("not read: {}", f.reason),
        Ok(_) => "done".into(),
        Err(e) => format!("stopped: {e}"),
    };
    eprintln!("[{n}/{total}] {file}: {status}");
}

/// Whether stderr can show a progress bar.
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// Refuses a REPORT_DIR that holds something other than an earlier report.
fn check_report_dir(out: &Path) -> anyhow::Result<()> {
    match fs::symlink_metadata(out) {
        Err(_) => Ok(()),
        Ok(meta) if !meta.is_dir() => bail!(
            "{}: exists and is not a folder: choose another --out",
            out.display()
        ),
        Ok(_) => {
            let empty = fs::read_dir(out)
                .with_context(|| format!("cannot read {}", out.display()))?
                .next()
                .is_none();
            if empty || out.join(MARKER).is_file() {
                Ok(())
            } else {
                bail!(
                    "{}: this folder is not an ehcp report and is not empty: choose a new folder for --out",
                    out.display()
                )
            }
        }
    }
}

/// Puts the staging folder where the report belongs, replacing an earlier
/// report; if that fails the earlier report is put back.
fn swap_into_place(staging: tempfile::TempDir, out: &Path) -> anyhow::Result<()> {
    let parent = parent_dir(out);
    let staged = staging.keep();
    let old = if out.exists() {
        let old = tempfile::Builder::new()
            .prefix(".ehcp-old-")
            .tempdir_in(&parent)?
            .keep();
        // The placeholder folder is replaced by the rename below.
        fs::remove_dir(&old)?;
        if let Err(error) = fs::rename(out, &old) {
            let _ = fs::remove_dir_all(&staged);
            return Err(anyhow!(
                "{}: cannot replace the earlier report: {error}",
                out.display()
            ));
        }
        Some(old)
    } else {
        None
    };
    if let Err(error) = fs::rename(&staged, out) {
        if let Some(old) = &old {
            let _ = fs::rename(old, out);
        }
        let _ = fs::remove_dir_all(&staged);
        return Err(anyhow!(
            "{}: cannot write the report: {error}",
            out.display()
        ));
    }
    if let Some(old) = old {
        fs::remove_dir_all(&old)
            .with_context(|| format!("cannot remove the earlier report {}", old.display()))?;
    }
    Ok(())
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn is_candidate(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with("~$") {
        return false;
    }
    let ext = extension(path);
    CHECKED.contains(&ext.as_str()) || LEGACY.contains(&ext.as_str())
}

fn has_glob_syntax(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

/// The files a batch covers, sorted, with their report names. `exclude` is
/// the report folder (never read back as input).
pub fn discover(input: &str, exclude: Option<&Path>) -> anyhow::Result<Vec<Job>> {
    let path = Path::new(input);
    let exclude = exclude.and_then(|e| fs::canonicalize(e).ok());
    let (base, matcher): (PathBuf, Option<globset::GlobMatcher>) = if path.is_dir() {
        (path.to_path_buf(), None)
    } else if path.is_file() {
        let base = parent_dir(path);
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| anyhow!("{input}: not a usable file name"))?;
        let jobs = vec![(path.to_path_buf(), name.to_owned())];
        let _ = base;
        return Ok(name_jobs(jobs));
    } else if has_glob_syntax(input) {
        let normalised = input.replace('\\', "/");
        let mut base = PathBuf::new();
        let mut rest = Vec::new();
        for (i, part) in normalised.split('/').enumerate() {
            if rest.is_empty() && !has_glob_syntax(part) {
                if i == 0 && part.is_empty() {
                    base.push("/");
                } else {
                    base.push(part);
                }
            } else {
                rest.push(part);
            }
        }
        if base.as_os_str().is_empty() {
            base.push(".");
        }
        let pattern = rest.join("/");
        let glob = globset::GlobBuilder::new(&pattern)
            .literal_separator(true)
            .case_insensitive(cfg!(windows))
            .build()
            .map_err(|e| anyhow!("{input}: not a valid pattern: {e}"))?;
        if !base.is_dir() {
            bail!("{}: no such folder", base.display());
        }
        (base, Some(glob.compile_matcher()))
    } else {
        bail!("{input}: no such folder or file");
    };

    let mut found = Vec::new();
    let walker = walkdir::WalkDir::new(&base)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() == 0 || !entry.file_type().is_dir() {
                return true;
            }
            let name = entry.file_name().to_string_lossy();
            if name.starts_with(".ehcp-") || entry.path().join(MARKER).is_file() {
                return false;
            }
            match (&exclude, fs::canonicalize(entry.path())) {
                (Some(exclude), Ok(path)) => &path != exclude,
                _ => true,
            }
        });
    for entry in walker {
        let entry =
            entry.map_err(|e| anyhow!("{}: cannot list the folder: {e}", base.display()))?;
        let path = entry.path();
        if entry.file_type().is_dir() || !path.is_file() || !is_candidate(path) {
            continue;
        }
        let relative = path.strip_prefix(&base).unwrap_or(path);
        let file = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if let Some(matcher) = &matcher
            && !matcher.is_match(&file)
        {
            continue;
        }
        found.push((path.to_path_buf(), file));
    }
    Ok(name_jobs(found))
}

fn name_jobs(found: Vec<(PathBuf, String)>) -> Vec<Job> {
    let mut taken = HashSet::new();
    found
        .into_iter()
        .map(|(path, file)| {
            let name = unique_name(&safe_name(&file), &mut taken);
            Job { path, file, name }
        })
        .collect()
}

/// A relative path made safe as a path inside the report: each component
/// keeps letters, digits, spaces and `-_.()`, anything else becomes `_`;
/// no empty, `.`/`..`, hidden or Windows-reserved component; at most 100
/// characters each.
pub fn safe_name(relative: &str) -> String {
    let parts: Vec<String> = relative
        .split('/')
        .filter(|p| !p.is_empty())
        .map(|part| {
            let mut clean: String = part
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '(' | ')') {
                        c
                    } else {
                        '_'
                    }
                })
                .take(100)
                .collect();
            clean = clean.trim_end_matches(['.', ' ']).trim_start().to_owned();
            if clean.starts_with('.') {
                clean.replace_range(..1, "_");
            }
            let stem = clean.split('.').next().unwrap_or("").to_ascii_uppercase();
            let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
                || ((stem.starts_with("COM") || stem.starts_with("LPT"))
                    && stem.len() == 4
                    && stem.as_bytes()[3].is_ascii_digit());
            if clean.is_empty() || reserved {
                clean.insert(0, '_');
            }
            clean
        })
        .collect();
    if parts.is_empty() {
        "_".into()
    } else {
        parts.join("/")
    }
}

/// `name`, or `name-2`, `name-3` … (before the extension) so that no two
/// plans share a name, ignoring case (case-insensitive file systems).
fn unique_name(name: &str, taken: &mut HashSet<String>) -> String {
    if taken.insert(name.to_lowercase()) {
        return name.to_owned();
    }
    let (stem, ext) = match name.rfind('.') {
        Some(dot) if dot > name.rfind('/').map_or(0, |s| s + 1) => name.split_at(dot),
        _ => (name, ""),
    };
    (2..)
        .map(|n| format!("{stem}-{n}{ext}"))
        .find(|candidate| taken.insert(candidate.to_lowercase()))
        .unwrap_or_else(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe() {
        assert_eq!(safe_name("sub/Claire Smith.docx"), "sub/Claire Smith.docx");
        assert_eq!(safe_name("../../etc/passwd.docx"), "_/_/etc/passwd.docx");
        assert_eq!(safe_name("a<b>:c|d?.docx"), "a_b__c_d_.docx");
        assert_eq!(safe_name(".hidden.docx"), "_hidden.docx");
        assert_eq!(safe_name("CON.docx"), "_CON.docx");
        assert_eq!(safe_name("com1.docx"), "_com1.docx");
        assert_eq!(safe_name("Zoë.docx"), "Zoë.docx");
        assert_eq!(safe_name("x\u{202E}y.docx"), "x_y.docx");
        assert!(safe_name(&format!("{}.docx", "a".repeat(300))).len() <= 100);
    }

    #[test]
    fn names_are_unique_ignoring_case() {
        let mut taken = HashSet::new();
        assert_eq!(unique_name("a b.docx", &mut taken), "a b.docx");
        assert_eq!(unique_name("A B.docx", &mut taken), "A B-2.docx");
        assert_eq!(unique_name("a b.docx", &mut taken), "a b-3.docx");
        assert_eq!(unique_name("dir.x/plan", &mut taken), "dir.x/plan");
        assert_eq!(unique_name("dir.x/plan", &mut taken), "dir.x/plan-2");
    }

    fn touch(path: &Path) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, b"x").unwrap();
    }

    #[test]
    fn discovers_word_files_recursively_and_by_glob() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "a.docx",
            "B.DOCX",
            "old.doc",
            "notes.txt",
            "~$a.docx",
            "sub/c.docm",
            "sub/deeper/d.dotx",
            "report/.ehcp-report",
            "report/plans/e.docx",
            ".ehcp-staging-1/f.docx",
        ] {
            touch(&d.join(f));
        }
        let files = |jobs: Vec<Job>| jobs.into_iter().map(|j| j.file).collect::<Vec<_>>();
        let all = discover(d.to_str().unwrap(), None).unwrap();
        assert_eq!(
            files(all),
            vec![
                "B.DOCX",
                "a.docx",
                "old.doc",
                "sub/c.docm",
                "sub/deeper/d.dotx"
            ]
        );
        let top = discover(&format!("{}/*.docx", d.display()), None).unwrap();
        assert_eq!(files(top), vec!["a.docx"]);
        let deep = discover(&format!("{}/**/*.d*x", d.display()), None).unwrap();
        assert_eq!(files(deep), vec!["a.docx", "sub/deeper/d.dotx"]);
        let sub = discover(&format!("{}/sub/*", d.display()), None).unwrap();
        assert_eq!(files(sub), vec!["c.docm"]);
        let one = discover(&format!("{}/sub/c.docm", d.display()), None).unwrap();
        assert_eq!(files(one), vec!["c.docm"]);
        assert!(discover(&format!("{}/missing", d.display()), None).is_err());
        let excluded = discover(d.to_str().unwrap(), Some(&d.join("sub"))).unwrap();
        assert_eq!(files(excluded), vec!["B.DOCX", "a.docx", "old.doc"]);
    }

    #[test]
    fn refuses_a_report_folder_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        check_report_dir(&out).unwrap();
        fs::create_dir(&out).unwrap();
        check_report_dir(&out).unwrap();
        fs::write(out.join("precious.txt"), b"x").unwrap();
        assert!(check_report_dir(&out).is_err());
        fs::write(out.join(MARKER), b"x").unwrap();
        check_report_dir(&out).unwrap();
    }
}
