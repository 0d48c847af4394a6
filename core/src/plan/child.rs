//! The child's details, the plan's status and its date.

use super::{ExtractOptions, Plan};
use crate::docx::Document;

pub fn read(_document: &Document, plan: &mut Plan, options: &ExtractOptions) {
    plan.plan_date = plan.plan_date.or(options.plan_date);
}
