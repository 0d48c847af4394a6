//! Structure: every statutory section present, filled in, separately
//! identified and free of template prompts.

pub mod empty_section;
pub mod h_not_split;
pub mod missing_section;
pub mod placeholder_text;
pub mod section_order;
