//! XML helpers shared by every part reader: namespace normalisation (any
//! prefix; Transitional and Strict WordprocessingML are the same), attribute
//! lookup by local name, and entity references (only the five predefined
//! entities and character references are ever resolved: a DTD is never read,
//! so no custom or external entity can expand).

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};

/// WordprocessingML, Transitional.
pub const W_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// WordprocessingML, ISO Strict.
pub const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Markup compatibility (`mc:AlternateContent`).
pub const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// Package relationships (`_rels/*.rels`).
pub const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
/// Flat OPC (`pkg:package`), as Word's `body.getOoxml()` writes.
pub const FLAT_OPC: &str = "http://schemas.microsoft.com/office/2006/xmlPackage";

/// The namespaces the reader cares about, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// WordprocessingML (Transitional or Strict).
    W,
    /// Markup compatibility.
    Mc,
    /// Flat OPC package.
    Pkg,
    /// Relationships.
    Rels,
    /// Anything else (DrawingML, VML, w14, no namespace …).
    Other,
}

/// Namespace scopes for a streaming reader, cheaper than quick-xml's
/// `NsReader`: bindings are read only from elements whose attributes
/// mention `xmlns`, and the last prefix resolved is cached (in a document
/// part nearly every element is `w:`).
#[derive(Debug, Default)]
pub struct Namespaces {
    /// (depth of the declaring element, prefix (`""` = default), namespace).
    bindings: Vec<(u32, Box<str>, Ns)>,
    depth: u32,
    cached: Option<(Box<str>, Ns)>,
}

impl Namespaces {
    /// Enters an element: records its declarations and returns the
    /// normalised namespace of its name. Pair with [`Namespaces::end`]
    /// (also for empty elements, right after).
    pub fn start(&mut self, e: &BytesStart<'_>) -> Ns {
        self.depth += 1;
        if has_xmlns(e.attributes_raw().as_bytes()) {
            for a in e.attributes().with_checks(false).flatten() {
                let key: &str = a.key.as_ref();
                let prefix = if key == "xmlns" {
                    ""
                } else if let Some(p) = key.strip_prefix("xmlns:") {
                    p
                } else {
                    continue;
                };
                let value: &str = a.value.as_ref();
                self.bindings
                    .push((self.depth, prefix.into(), classify_uri(value.trim())));
                self.cached = None;
            }
        }
        let name = e.name();
        let qname: &str = name.as_ref();
        // A byte loop: names are short and this runs for every element.
        let prefix = match qname.bytes().position(|b| b == b':') {
            Some(i) => &qname[..i],
            None => "",
        };
        self.resolve(prefix)
    }

    /// Leaves an element: drops the declarations it made.
    pub fn end(&mut self) {
        while self
            .bindings
            .last()
            .is_some_and(|(d, _, _)| *d >= self.depth)
        {
            self.bindings.pop();
            self.cached = None;
        }
        self.depth = self.depth.saturating_sub(1);
    }

    fn resolve(&mut self, prefix: &str) -> Ns {
        if let Some((p, ns)) = &self.cached
            && p.len() == prefix.len()
            && p.bytes().zip(prefix.bytes()).all(|(a, b)| a == b)
        {
            return *ns;
        }
        let ns = self
            .bindings
            .iter()
            .rev()
            .find(|(_, p, _)| **p == *prefix)
            .map_or(Ns::Other, |(_, _, ns)| *ns);
        self.cached = Some((prefix.into(), ns));
        ns
    }
}

/// Whether raw attribute text mentions `xmlns` (a cheap test run on every
/// element before parsing its attributes for declarations).
fn has_xmlns(raw: &[u8]) -> bool {
    let mut i = 0;
    while i + 5 <= raw.len() {
        if raw[i] == b'x'
            && raw[i + 1] == b'm'
            && raw[i + 2] == b'l'
            && raw[i + 3] == b'n'
            && raw[i + 4] == b's'
        {
            return true;
        }
        i += 1;
    }
    false
}

/// Normalises a resolved namespace.
pub fn classify(resolved: &ResolveResult<'_>) -> Ns {
    match resolved {
        ResolveResult::Bound(Namespace(ns)) => classify_uri(ns),
        _ => Ns::Other,
    }
}

/// Normalises a namespace URI.
pub fn classify_uri(ns: &str) -> Ns {
    if ns == W_TRANSITIONAL || ns == W_STRICT {
        Ns::W
    } else if ns == MC {
        Ns::Mc
    } else if ns == FLAT_OPC {
        Ns::Pkg
    } else if ns == RELATIONSHIPS {
        Ns::Rels
    } else {
        Ns::Other
    }
}

/// The value of the first attribute whose local name is `local` (any
/// prefix: WordprocessingML attributes are `w:val`, but some writers omit the
/// prefix). Unescaped when it holds entity references; raw when the
/// unescaping fails (an unknown entity is never expanded).
pub fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.local_name().as_ref() == local {
            let raw: &str = a.value.as_ref();
            if !raw.contains('&') {
                return Some(raw.to_owned());
            }
            return Some(unescape_lossy(raw));
        }
    }
    None
}

/// Like [`attr`] but borrowing the value when it needs no unescaping
/// (no allocation on the hot path: `w:val` of `w:b`, `w:sz`, `w:numId` …).
pub fn attr_cow<'e>(e: &'e BytesStart<'_>, local: &str) -> Option<Cow<'e, str>> {
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.local_name().as_ref() == local {
            if !a.value.contains('&') {
                return Some(a.value);
            }
            return Some(Cow::Owned(unescape_lossy(&a.value)));
        }
    }
    None
}

/// Whether an attribute with local name `local` is present.
pub fn has_attr(e: &BytesStart<'_>, local: &str) -> bool {
    e.attributes()
        .with_checks(false)
        .flatten()
        .any(|a| a.key.local_name().as_ref() == local)
}

/// An on/off property (`w:b`, `w:tblHeader`, `w:showingPlcHdr` …): on when
/// present without `w:val`, or with a value other than `0`/`false`/`off`.
pub fn on_off(e: &BytesStart<'_>) -> bool {
    match attr_cow(e, "val") {
        None => true,
        Some(v) => !matches!(v.trim(), "0" | "false" | "off" | "False" | "FALSE"),
    }
}

/// An integer attribute `w:val`.
pub fn int_val<T: std::str::FromStr>(e: &BytesStart<'_>, local: &str) -> Option<T> {
    attr_cow(e, local).and_then(|v| v.trim().parse().ok())
}

/// The character an entity reference stands for: the five predefined
/// entities and character references. `None` for anything else (custom
/// entities from a DTD are never expanded).
pub fn resolve_ref(r: &BytesRef<'_>) -> Option<char> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten();
    }
    predefined(r)
}

fn predefined(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Unescapes attribute or text bytes: predefined entities and character
/// references; unknown references are dropped.
pub fn unescape_lossy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest: &str = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match after.find(';') {
            Some(semi) if semi <= 32 => {
                let name = &after[..semi];
                if let Some(c) = entity_char(name) {
                    out.push(c);
                }
                rest = &after[semi + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity_char(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    predefined(name)
}

/// Skips a UTF-8 byte-order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Whether the bytes start (after a BOM and whitespace) like XML.
pub fn looks_like_xml(bytes: &[u8]) -> bool {
    let b = strip_bom(bytes);
    b.iter()
        .find(|c| !c.is_ascii_whitespace())
        .is_some_and(|&c| c == b'<')
}

/// What a part reader does with a part's elements, which [`walk_elements`]
/// streams to it in document order.
pub trait ElementVisitor {
    /// What the reader remembers of an open element (kept on a stack).
    type Tag: Copy;
    /// An element opens (an empty one too, closed right after). `ns` is its
    /// normalised namespace and `ancestors` the tags of the elements it is in.
    fn open(&mut self, ns: Ns, e: &BytesStart<'_>, ancestors: &[Self::Tag]) -> Self::Tag;
    /// The element `tag` closes; `ancestors` are the elements it was in.
    fn close(&mut self, tag: Self::Tag, ancestors: &[Self::Tag]);
}

/// Streams the elements of a small part (styles, numbering) to `visitor`,
/// after a byte-order mark if any. Returns, when the XML is broken, a
/// description of the problem: what was read before it stays read.
pub fn walk_elements<V: ElementVisitor>(xml: &str, visitor: &mut V) -> Option<String> {
    let xml = xml.strip_prefix('\u{FEFF}').unwrap_or(xml);
    let mut reader = Reader::from_str(xml);
    let mut names = Namespaces::default();
    let mut stack: Vec<V::Tag> = Vec::new();
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                return Some(format!(
                    "not well-formed XML at byte {}: {e}",
                    reader.error_position()
                ));
            }
        };
        match event {
            Event::Start(e) => {
                let ns = names.start(&e);
                let tag = visitor.open(ns, &e, &stack);
                stack.push(tag);
            }
            Event::Empty(e) => {
                let ns = names.start(&e);
                names.end();
                let tag = visitor.open(ns, &e, &stack);
                visitor.close(tag, &stack);
            }
            Event::End(_) => {
                names.end();
                if let Some(tag) = stack.pop() {
                    visitor.close(tag, &stack);
                }
            }
            Event::Eof => {
                return (!stack.is_empty())
                    .then(|| "the part ends before all its elements are closed".into());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_resolve_any_prefix_and_scope() {
        use quick_xml::Reader;
        use quick_xml::events::Event;
        let xml = r#"<a:document xmlns:a="http://purl.oclc.org/ooxml/wordprocessingml/main"><a:p/><x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r/></x:p><x:r/><p xmlns="http://schemas.openxmlformats.org/markup-compatibility/2006"/><p/></a:document>"#;
        let mut reader = Reader::from_str(xml);
        let mut ns = Namespaces::default();
        let mut seen = Vec::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => seen.push(ns.start(&e)),
                Event::Empty(e) => {
                    seen.push(ns.start(&e));
                    ns.end();
                }
                Event::End(_) => ns.end(),
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(
            seen,
            [Ns::W, Ns::W, Ns::W, Ns::W, Ns::Other, Ns::Mc, Ns::Other]
        );
    }

    #[test]
    fn unescapes_predefined_and_character_references_only() {
        assert_eq!(
            unescape_lossy("a &amp; b &#x41;&#66; &xxe; &lt;"),
            "a & b AB  <"
        );
        assert_eq!(unescape_lossy("fish & chips"), "fish & chips");
    }

    #[test]
    fn sees_xml_after_a_bom() {
        assert!(looks_like_xml(b"\xEF\xBB\xBF  <?xml version='1.0'?>"));
        assert!(!looks_like_xml(b"PK\x03\x04"));
    }
}
