//! Golden Thread core.
//!
//! The pipeline, each stage in its own module:
//!
//! ```text
//! bytes ─► package (zip / flat OPC, relationships, limits)
//!       ─► docx    (styles, numbering, body reader ─► Document of Paragraphs)
//!       ─► plan    (sections A–K, child, items, stated links ─► Plan)
//!       ─► thread  (stated + inferred links ─► ThreadGraph)
//!       ─► rules   (registry of rules ─► Findings)
//!       ─► annotate (Findings ─► the original bytes plus Word comments)
//! ```
//!
//! The core is pure: it takes bytes and returns values. It never touches the
//! filesystem, the clock, threads or the network, so the same code runs in
//! the CLI and, as WebAssembly, in the Word add-in.
//!
//! Serde types live only at the edge ([`edge`]); the internal model is plain Rust.

pub mod analysis;
pub mod annotate;
pub mod config;
pub mod docx;
pub mod edge;
pub mod error;
pub mod finding;
pub mod package;
pub mod pipeline;
pub mod plan;
pub mod re;
pub mod review;
pub mod rules;
mod sorted;
pub mod text;
pub mod thread;

pub use config::Config;
pub use docx::Document;
pub use error::ReadError;
pub use finding::{Finding, Severity};
pub use pipeline::{Checker, check, extract, read_document};
pub use plan::{Plan, SectionId};
pub use review::Review;
