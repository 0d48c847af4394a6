//! Fictional sample Education, Health and Care Plans, generated
//! reproducibly: the same bytes on every run (no clock, no random, fixed
//! ZIP timestamps).
//!
//! - [`ooxml`]: a tiny deterministic WordprocessingML package writer.
//! - [`plan`]: the content of a plan, independent of layout.
//! - [`content`]: a bank of needs, outcomes and provision.
//! - [`layouts`]: local-authority template layouts.
//! - [`samples`]: the committed samples.

pub mod content;
pub mod corpus;
pub mod defects;
pub mod docxrs;
pub mod expected;
pub mod layouts;
pub mod ooxml;
pub mod plan;
pub mod samples;

use std::path::{Path, PathBuf};

/// Writes every committed sample into `dir`, and its ground truth into
/// `dir/expected/`; returns the paths written.
pub fn write_samples(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir.join("expected"))?;
    let mut out = Vec::new();
    for s in samples::all() {
        let path = dir.join(s.file);
        std::fs::write(&path, &s.bytes)?;
        out.push(path);
    }
    std::fs::create_dir_all(dir.join("generated"))?;
    for (name, bytes) in samples::special() {
        let path = dir.join(name);
        std::fs::write(&path, bytes)?;
        out.push(path);
    }
    for (name, json) in expected::all() {
        let path = dir.join(name);
        std::fs::write(&path, json)?;
        out.push(path);
    }
    Ok(out)
}
