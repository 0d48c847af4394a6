//! Links the document states itself: same table row, references by id or
//! number ("links to E1, B2"), shared area-of-need sub-headings.

use super::Plan;
use crate::docx::Document;

pub fn read(_document: &Document, _plan: &mut Plan) {}
