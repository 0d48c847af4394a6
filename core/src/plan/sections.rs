//! Finding the statutory sections: heading styles, bold or large plain
//! paragraphs, table title rows, content-control titles and tags.

use super::{ExtractOptions, Section};
use crate::docx::Document;

pub fn detect(_document: &Document, _options: &ExtractOptions) -> Vec<Section> {
    Vec::new()
}
