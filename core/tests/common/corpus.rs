//! Where the wild corpus is: `$EHCP_SHARED/corpus/wild`, else the first
//! `shared/corpus/wild` found walking up from the crate (the repo sits
//! beside `shared/`, a worktree deeper). Shared by the tests that read it
//! (`#[path = "common/corpus.rs"] mod corpus;`); the files are never copied
//! into the repo.

use std::path::{Path, PathBuf};

pub fn corpus_dir() -> Option<PathBuf> {
    if let Ok(shared) = std::env::var("EHCP_SHARED") {
        let dir = Path::new(&shared).join("corpus/wild");
        if dir.is_dir() {
            return Some(dir);
        }
    }
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    loop {
        let candidate = dir.join("shared/corpus/wild");
        if candidate.is_dir() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}
