//! The body reader: streams the main document part with quick-xml and yields
//! the body paragraphs, tables and content controls in document order.
