//! Language: plans are read by families, so they are written in plain English.

pub mod unexplained_acronym;
