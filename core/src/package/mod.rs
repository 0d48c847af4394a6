//! The OPC package: a zip (or a flat OPC XML document, as Word's
//! `body.getOoxml()` returns), its content types and relationships, with
//! size caps that refuse a zip bomb before it is inflated.
//!
//! Parts are always found through relationships (`_rels/.rels` → the main
//! document → its styles, numbering, headers …), never by hard-coded names.
