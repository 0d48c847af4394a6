//! Writes the sample plans.
fn main() {}
