//! numbering.xml: abstract numbering definitions, instances and overrides,
//! and the list label Word would show for each list paragraph.
