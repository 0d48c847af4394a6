//! Output formats: terminal text, the HTML report, CSV.

pub mod csv;
pub mod html;
pub mod text;
