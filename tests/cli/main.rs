//! End-to-end tests of the `ehcp` binary: exit codes, output formats,
//! atomic writes, the batch report (escaping, CSV, failures, re-runs,
//! concurrency) and the convert round trip.

mod annotate;
mod batch;
mod check;
mod convert;
mod misc;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the crate is `cli/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repository root")
        .to_path_buf()
}

/// Every sample plan, sorted.
pub fn samples() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "docx"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    assert!(
        !out.is_empty(),
        "no samples/*.docx: merge the samples branch"
    );
    out
}

pub fn sample(name: &str) -> PathBuf {
    root().join("samples").join(name)
}

/// The shared corpus of real-world files (`shared/corpus/wild`), found by
/// walking up from the crate or through `EHCP_SHARED`.
pub fn corpus() -> Option<PathBuf> {
    if let Some(shared) = std::env::var_os("EHCP_SHARED") {
        let p = PathBuf::from(shared).join("corpus/wild");
        return p.is_dir().then_some(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|a| a.join("shared/corpus/wild"))
        .find(|p| p.is_dir())
}

/// A real password-protected Word file (an OLE container with an
/// `EncryptedPackage` stream), from the corpus.
pub fn encrypted_file() -> PathBuf {
    let path = corpus()
        .expect("shared/corpus/wild (set EHCP_SHARED)")
        .join("poi/protected_agile.docx");
    assert!(path.is_file(), "{} missing", path.display());
    path
}

/// An OLE compound file holding a `WordDocument` stream: the shape of a
/// Word 97-2003 .doc (signature, then the directory entry's UTF-16 name).
pub fn ole_bytes() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(1024, 0);
    bytes.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(4096, 0);
    bytes
}

#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `ehcp` in `dir` (so no stray `ehcp.toml` is picked up), without colour.
pub fn ehcp_in(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_ehcp"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run ehcp");
    Output {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    }
}

/// Runs `ehcp` in a fresh empty folder.
pub fn ehcp(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    ehcp_in(dir.path(), args)
}

pub fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// A plan with hostile text in every place a document can put it: the
/// child's name, a need, an outcome, a provision item.
pub fn hostile_plan() -> Vec<u8> {
    let sections: Vec<serde_json::Value> =
        ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"]
            .iter()
            .map(|id| serde_json::json!({ "id": id, "heading": "", "text": "", "paragraphs": [] }))
            .collect();
    let plan: ehcp_core::edge::PlanJson = serde_json::from_value(serde_json::json!({
        "child": { "name": "Sam <script>alert(1)</script> Jones" },
        "status": "final",
        "sections": sections,
        "aspirations": [],
        "needs": [{ "id": "B1", "section": "B", "id_from_document": true,
            "text": "Sam finds reading hard <script>alert(1)</script> and <img src=x onerror=alert(1)> =HYPERLINK(\"http://x\")" }],
        "outcomes": [{ "id": "E1", "section": "E", "id_from_document": true,
            "text": "By July 2027 Sam will read 20 words <img src=x onerror=alert(1)> in 4 out of 5 sessions." }],
        "provision": [{ "id": "F1", "section": "F", "id_from_document": true,
            "text": "Access to reading support as appropriate <script>alert(1)</script>." }],
        "links": [
            { "from": "B1", "to": "E1", "evidence": "reference", "score": 1.0, "detail": "" },
            { "from": "B1", "to": "F1", "evidence": "reference", "score": 1.0, "detail": "" }
        ]
    }))
    .expect("plan json");
    ehcp_cli::convert::plan_docx(&plan, &Default::default()).expect("docx")
}

/// SHA-256 of a file, to prove it was not touched.
pub fn digest(path: &Path) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).expect("read")).to_vec()
}

/// Validates JSON against one of the repository's schema files.
pub fn validate(schema_file: &str, value: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema").join(schema_file)).expect("schema file"),
    )
    .expect("schema json");
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{schema_file}: {errors:#?}");
}
