//! Outcomes (E) say what the child will achieve: specific, measurable,
//! achievable, relevant and time-bound (CoP 9.64-9.66).

pub mod describes_provision;
pub mod missing_adulthood;
pub mod not_measurable;
pub mod not_time_bound;
