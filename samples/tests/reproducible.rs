//! The committed samples are exactly what the generator writes: a changed
//! generator without regenerated files fails here.

use std::path::Path;

#[test]
fn committed_samples_match_the_generator() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let written = ehcp_samples::write_samples(dir.path()).expect("generate samples");
    assert!(written.len() >= 4, "expected the full set of samples");
    let committed = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for path in &written {
        let name = path
            .strip_prefix(dir.path())
            .expect("inside the output directory");
        let fresh = std::fs::read(path).expect("read generated sample");
        match std::fs::read(committed.join(name)) {
            Ok(old) if old == fresh => {}
            Ok(_) => problems.push(format!(
                "{} differs from the generator's output",
                name.display()
            )),
            Err(e) => problems.push(format!("{} is not committed: {e}", name.display())),
        }
    }
    // Every committed .docx (and ground truth) must come from the generator.
    for (sub, ext) in [
        ("", "docx"),
        ("expected", "json"),
        ("generated", "docx"),
        ("generated", "xml"),
    ] {
        let Ok(entries) = std::fs::read_dir(committed.join(sub)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == ext) {
                let name = path.strip_prefix(committed).expect("inside samples");
                if !written
                    .iter()
                    .any(|w| w.strip_prefix(dir.path()).ok() == Some(name))
                {
                    problems.push(format!("{} is committed but not generated", name.display()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "regenerate with `cargo run -p ehcp-samples --bin make-samples -- samples/`:\n{}",
        problems.join("\n")
    );
}

#[test]
fn generating_twice_gives_identical_bytes() {
    let a = ehcp_samples::samples::all();
    let b = ehcp_samples::samples::all();
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.file, y.file);
        assert!(x.bytes == y.bytes, "{} is not deterministic", x.file);
    }
}
