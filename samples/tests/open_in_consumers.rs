//! Every committed sample opens in python-docx and in LibreOffice, and the
//! child's name comes out of LibreOffice's text conversion. Skips (with a
//! message) when python-docx or soffice is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;

fn committed_samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("samples directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    out.sort();
    assert!(out.len() >= 10, "expected the committed samples");
    out
}

fn has_python_docx() -> bool {
    Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The child's full name, from the title in docProps/core.xml
/// ("Education, Health and Care Plan – Claire Robinson").
fn child_name(path: &Path) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).expect("read sample");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("ZIP");
    let mut core = String::new();
    zip.by_name("docProps/core.xml")
        .expect("core properties")
        .read_to_string(&mut core)
        .expect("UTF-8");
    let start = core.find("<dc:title>").expect("title") + "<dc:title>".len();
    let end = core[start..].find("</dc:title>").expect("title end") + start;
    let title = &core[start..end];
    title.rsplit(" – ").next().expect("name").to_string()
}

#[test]
fn python_docx_opens_every_sample() {
    if !has_python_docx() {
        eprintln!("SKIPPED: python3 with python-docx is not installed");
        return;
    }
    let files = committed_samples();
    let script = "import sys, docx\n\
                  for p in sys.argv[1:]:\n\
                  \x20   d = docx.Document(p)\n\
                  \x20   print(p, len(d.paragraphs), len(d.tables))\n";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(&files)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "python-docx failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), files.len(), "{stdout}");
}

#[test]
fn libreoffice_converts_every_sample_to_text() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        eprintln!("SKIPPED: LibreOffice (soffice) is not installed");
        return;
    };
    // The Strict-conformance variant too: LibreOffice (like Word) opens it.
    let mut files = committed_samples();
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/claire-strict.docx"));
    let out_dir = tempfile::tempdir().expect("temporary directory");
    let profile = tempfile::tempdir().expect("temporary profile");
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "txt:Text", "--outdir"])
        .arg(out_dir.path())
        .args(&files)
        .output()
        .expect("run soffice");
    assert!(
        status.status.success(),
        "soffice failed:\n{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut problems = Vec::new();
    for f in &files {
        let stem = f.file_stem().expect("stem").to_string_lossy().to_string();
        let txt = out_dir.path().join(format!("{stem}.txt"));
        match std::fs::read_to_string(&txt) {
            Ok(text) => {
                let child = child_name(f);
                if !text.contains(&child) {
                    problems.push(format!(
                        "{stem}: the child's name {child:?} is not in the text"
                    ));
                }
                if !text.contains("Education, Health and Care Plan") {
                    problems.push(format!("{stem}: title missing from the text"));
                }
            }
            Err(e) => problems.push(format!("{stem}: no text output ({e})")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
