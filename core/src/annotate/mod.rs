//! Writing findings into the document as Word comments, surgically: the
//! comment markers are spliced into the original document.xml bytes, every
//! other zip entry is copied raw, and the tool's earlier comments are
//! replaced rather than duplicated.

use thiserror::Error;

use crate::finding::Severity;
use crate::review::Review;

#[derive(Debug, Clone)]
pub struct AnnotateOptions {
    /// Comment author (default "EHCP Golden Thread").
    pub author: String,
    /// Comment initials (default "GT").
    pub initials: String,
    /// Findings below this severity get no comment.
    pub min_severity: Severity,
    /// The comments' date (`w:date`), ISO 8601; the core has no clock, so the
    /// caller passes it. `None` writes no date.
    pub date: Option<String>,
}

impl Default for AnnotateOptions {
    fn default() -> Self {
        AnnotateOptions {
            author: "EHCP Golden Thread".into(),
            initials: "GT".into(),
            min_severity: Severity::Info,
            date: None,
        }
    }
}

#[derive(Debug, Error)]
pub enum AnnotateError {
    #[error(transparent)]
    Read(#[from] crate::error::ReadError),
    #[error("cannot add comments to this document: {0}")]
    Unsupported(String),
}

/// The original package bytes with one Word comment per finding.
pub fn annotate(
    _original: &[u8],
    _review: &Review,
    _options: &AnnotateOptions,
) -> Result<Vec<u8>, AnnotateError> {
    Err(AnnotateError::Unsupported("not built yet".into()))
}
