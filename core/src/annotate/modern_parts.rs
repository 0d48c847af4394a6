//! The comment parts Word 2013 and later add beside comments.xml:
//! commentsExtended (w15: threads and the resolved state), commentsIds
//! (w16cid: durable ids), commentsExtensible (w16cex: UTC dates) and people
//! (w15: authors). The writer extends those the document already has.

use std::ops::Range;

use super::AnnotateError;
use super::xml::{
    Names, Scanner, TagKind, escape_attr, local_name, names_for, root_namespaces, unescape_lossy,
};

pub(crate) const W15: &str = "http://schemas.microsoft.com/office/word/2012/wordml";
pub(crate) const W16CID: &str = "http://schemas.microsoft.com/office/word/2016/wordml/cid";
pub(crate) const W16CEX: &str = "http://schemas.microsoft.com/office/word/2018/wordml/cex";

pub(crate) const REL_EXTENDED: &str =
    "http://schemas.microsoft.com/office/2011/relationships/commentsExtended";
pub(crate) const REL_IDS: &str =
    "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds";
pub(crate) const REL_EXTENSIBLE: &str =
    "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible";
pub(crate) const REL_PEOPLE: &str = "http://schemas.microsoft.com/office/2011/relationships/people";

/// Which modern part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Extended,
    Ids,
    Extensible,
    People,
}

impl Kind {
    pub fn from_relationship(kind: &str) -> Option<Kind> {
        match kind {
            REL_EXTENDED => Some(Kind::Extended),
            REL_IDS => Some(Kind::Ids),
            REL_EXTENSIBLE => Some(Kind::Extensible),
            REL_PEOPLE => Some(Kind::People),
            _ => None,
        }
    }

    fn namespace(self) -> &'static str {
        match self {
            Kind::Extended | Kind::People => W15,
            Kind::Ids => W16CID,
            Kind::Extensible => W16CEX,
        }
    }

    fn fallback_prefix(self) -> &'static str {
        match self {
            Kind::Extended | Kind::People => "w15",
            Kind::Ids => "w16cid",
            Kind::Extensible => "w16cex",
        }
    }
}

/// One child of the part's root: its local name, attributes (local name,
/// value) and byte range.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub local: String,
    pub attrs: Vec<(String, String)>,
    pub range: Range<usize>,
}

impl Entry {
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == local)
            .map(|(_, v)| v.as_str())
    }
}

/// A modern part as found in the package.
#[derive(Debug, Clone)]
pub(crate) struct ModernPart {
    pub kind: Kind,
    pub name: String,
    pub bytes: Vec<u8>,
    pub entries: Vec<Entry>,
    pub names: Names,
}

impl ModernPart {
    pub fn read(kind: Kind, name: String, bytes: Vec<u8>) -> Result<ModernPart, AnnotateError> {
        let namespaces = root_namespaces(&bytes, &name)?;
        let names = names_for(&namespaces, &[kind.namespace()], kind.fallback_prefix());
        let entries = children(&bytes, &name)?;
        Ok(ModernPart {
            kind,
            name,
            bytes,
            entries,
            names,
        })
    }

    /// `<w15:commentEx w15:paraId="…" w15:done="0"/>`
    pub fn comment_ex(&self, para_id: u32) -> String {
        let n = &self.names;
        format!(
            "{}{}{}/>",
            n.open("commentEx"),
            n.attr("paraId", &format!("{para_id:08X}")),
            n.attr("done", "0")
        )
    }

    /// `<w16cid:commentId w16cid:paraId="…" w16cid:durableId="…"/>`
    pub fn comment_id(&self, para_id: u32, durable_id: u32) -> String {
        let n = &self.names;
        format!(
            "{}{}{}/>",
            n.open("commentId"),
            n.attr("paraId", &format!("{para_id:08X}")),
            n.attr("durableId", &format!("{durable_id:08X}"))
        )
    }

    /// `<w16cex:commentExtensible w16cex:durableId="…" w16cex:dateUtc="…"/>`
    pub fn comment_extensible(&self, durable_id: u32, date: Option<&str>) -> String {
        let n = &self.names;
        let mut out = n.open("commentExtensible");
        out.push_str(&n.attr("durableId", &format!("{durable_id:08X}")));
        if let Some(date) = date {
            out.push_str(&n.attr("dateUtc", &escape_attr(date)));
        }
        out.push_str("/>");
        out
    }

    /// `<w15:person w15:author="…"><w15:presenceInfo …/></w15:person>`
    pub fn person(&self, author: &str) -> String {
        let n = &self.names;
        let bare = Names {
            decl: String::new(),
            ..n.clone()
        };
        format!(
            "{}{}><{e}presenceInfo{}{}/>{}",
            n.open("person"),
            n.attr("author", &escape_attr(author)),
            bare.attr("providerId", "None"),
            bare.attr("userId", &escape_attr(author)),
            n.close("person"),
            e = bare.elem
        )
    }

    pub fn has_person(&self, author: &str) -> bool {
        self.entries
            .iter()
            .any(|e| e.local == "person" && e.attr("author") == Some(author))
    }
}

/// The root's children with their attributes.
fn children(xml: &[u8], part: &str) -> Result<Vec<Entry>, AnnotateError> {
    let mut out: Vec<Entry> = Vec::new();
    let mut depth = 0usize;
    for tag in Scanner::new(xml, part) {
        let tag = tag?;
        match tag.kind {
            TagKind::Start | TagKind::Empty => {
                if depth == 1 {
                    out.push(Entry {
                        local: String::from_utf8_lossy(tag.local()).into_owned(),
                        attrs: super::xml::attributes(tag.attrs)
                            .map(|(k, v)| {
                                (
                                    String::from_utf8_lossy(local_name(k)).into_owned(),
                                    unescape_lossy(v).into_owned(),
                                )
                            })
                            .collect(),
                        range: tag.range.clone(),
                    });
                }
                if tag.kind == TagKind::Start {
                    depth += 1;
                }
            }
            TagKind::End => {
                depth = depth.saturating_sub(1);
                if depth == 1
                    && let Some(last) = out.last_mut()
                {
                    last.range.end = tag.range.end;
                }
            }
        }
    }
    Ok(out)
}

/// A deterministic id in 1..0x7FFFFFFF from `seed`, avoiding `taken`.
pub(crate) fn derive_id(seed: &[u8], taken: &dyn Fn(u32) -> bool) -> u32 {
    let mut counter: u64 = 0;
    loop {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in seed.iter().chain(counter.to_le_bytes().iter()) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let id = ((hash ^ (hash >> 32)) as u32) & 0x7FFF_FFFF;
        if id != 0 && id != 0x7FFF_FFFF && !taken(id) {
            return id;
        }
        counter += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_and_writes_in_the_part_s_prefix() {
        let xml = br#"<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:commentEx w15:paraId="0A0B0C0D" w15:paraIdParent="01020304" w15:done="1"/></w15:commentsEx>"#;
        let part = ModernPart::read(
            Kind::Extended,
            "word/commentsExtended.xml".into(),
            xml.to_vec(),
        )
        .unwrap();
        assert_eq!(part.entries.len(), 1);
        assert_eq!(part.entries[0].attr("paraIdParent"), Some("01020304"));
        assert_eq!(
            part.comment_ex(0xAB),
            r#"<w15:commentEx w15:paraId="000000AB" w15:done="0"/>"#
        );
    }

    #[test]
    fn derived_ids_are_stable_in_range_and_avoid_taken_ones() {
        let a = derive_id(b"seed", &|_| false);
        assert_eq!(a, derive_id(b"seed", &|_| false));
        assert!(a > 0 && a < 0x8000_0000);
        let b = derive_id(b"seed", &|id| id == a);
        assert_ne!(a, b);
    }
}
