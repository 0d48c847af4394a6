//! The items of each section, from paragraphs, list items and table rows.

use super::Plan;
use crate::docx::Document;

pub fn read(_document: &Document, _plan: &mut Plan) {}
