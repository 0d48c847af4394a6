//! Writing findings into the document as Word comments, surgically: the
//! comment markers are spliced into the original document.xml bytes, every
//! other zip entry is copied raw, and the tool's earlier comments are
//! replaced rather than duplicated.
//!
//! - [`splice`]: where a quote starts and ends in the main part's bytes, run
//!   splitting, the marker XML.
//! - [`comments_part`]: reading and writing `word/comments.xml`.
//! - [`modern_parts`]: commentsExtended, commentsIds, commentsExtensible and
//!   people, extended when the document already has them.
//! - [`package_writer`]: parts, relationships, content types, the raw-copy zip writer.
//! - [`xml`]: the tag scanner and byte-range edits every part goes through.
//!
//! Idempotency: the tool's own comments are those written by
//! [`AnnotateOptions::author`] whose last line is a rule tag (`[rule/id]`).
//! Before writing, they are removed with their markers and their entries in
//! every comment part — unless a person has replied to one or resolved it:
//! that thread is left exactly as it is, and the finding it carries (same
//! rule, same message) is not written again. People's comments are never
//! touched. (Without commentsExtended, as in files from older Word or from
//! LibreOffice, replies cannot be told from comments: every tool comment is
//! replaced.)
//!
//! Anchors: a finding's quote; a structural finding without one goes on its
//! section's heading paragraph (or the section's first paragraph), and a
//! missing section on the document's first non-empty paragraph. Comment ids
//! go above every id still in use; paragraph and durable ids are derived
//! from the finding (FNV-1a), so annotating an annotated file with the same
//! findings writes the same bytes again.

mod comments_part;
mod id_set;
mod modern_parts;
mod package_writer;
mod splice;
mod xml;

use std::collections::BTreeMap;

use id_set::IdSet;
use std::ops::Range;

use thiserror::Error;

use crate::docx::DocumentKind;
use crate::error::ReadError;
use crate::finding::{Finding, Severity};
use crate::review::Review;

use comments_part::{CommentNames, NewComment, comment_styles, comment_xml, read_comments};
use modern_parts::{Kind, ModernPart, derive_id};
use package_writer::{Package, content_types, relationships, rels_name};
use splice::{Markers, ParagraphMap, existing_markers, paragraph_edits, place};
use xml::{Edit, Names, apply_edits, escape_attr, names_for, root_end, root_namespaces};

#[derive(Debug, Clone)]
pub struct AnnotateOptions {
    /// Comment author (default "EHCP Golden Thread").
    pub author: String,
    /// Comment initials (default "GT").
    pub initials: String,
    /// Findings below this severity get no comment.
    pub min_severity: Severity,
    /// The comments' date (`w:date`), ISO 8601; the core has no clock, so the
    /// caller passes it. `None` writes no date.
    pub date: Option<String>,
}

impl Default for AnnotateOptions {
    fn default() -> Self {
        AnnotateOptions {
            author: "EHCP Golden Thread".into(),
            initials: "GT".into(),
            min_severity: Severity::Info,
            date: None,
        }
    }
}

#[derive(Debug, Error)]
pub enum AnnotateError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("cannot add comments to this document: {0}")]
    Unsupported(String),
    /// The review was made from a different file (or a different version of it).
    #[error("the findings do not belong to this document: {0}")]
    ReviewMismatch(String),
    /// A fault in the writer itself; the document is not written.
    #[error("the comments could not be written safely: {0}")]
    Internal(String),
}

const W_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const REL_COMMENTS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const REL_COMMENTS_STRICT: &str =
    "http://purl.oclc.org/ooxml/officeDocument/relationships/comments";
const REL_STYLES: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const REL_STYLES_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships/styles";
const REL_OFFICE_DOCUMENT: &[&str] = &[
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
];
const CT_COMMENTS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const CT_RELATIONSHIPS: &str = "application/vnd.openxmlformats-package.relationships+xml";
const NS_CONTENT_TYPES: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const NS_RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The original package bytes with one Word comment per finding.
pub fn annotate(
    original: &[u8],
    review: &Review,
    options: &AnnotateOptions,
) -> Result<Vec<u8>, AnnotateError> {
    if review.document.kind == DocumentKind::FlatOpc {
        return Err(AnnotateError::Unsupported(
            "this is a flat OPC XML package (Word XML); save it as a .docx file and annotate that"
                .into(),
        ));
    }
    let mut package = Package::open(original)?;

    // The main part and its relationships.
    let main_name = if review.document.main_part.is_empty() {
        main_part_name(&mut package)?
    } else {
        review.document.main_part.trim_start_matches('/').to_owned()
    };
    let main = package
        .read(&main_name)?
        .ok_or(AnnotateError::Read(ReadError::NoMainDocument))?;
    let main_namespaces = root_namespaces(&main, &main_name)?;
    let strict = main_namespaces.iter().any(|(_, u)| u == W_STRICT)
        && !main_namespaces.iter().any(|(_, u)| u == W_TRANSITIONAL);
    let w_uri = if strict { W_STRICT } else { W_TRANSITIONAL };
    let rels_part = rels_name(&main_name);
    let rels_bytes = package.read(&rels_part)?;
    let rels = match &rels_bytes {
        Some(bytes) => relationships(bytes, &main_name, &rels_part)?,
        None => Vec::new(),
    };
    let target_of = |kinds: &[&str]| {
        rels.iter()
            .find(|r| kinds.contains(&r.kind.as_str()) && r.target.is_some())
            .and_then(|r| r.target.clone())
    };

    let styles = match target_of(&[REL_STYLES, REL_STYLES_STRICT]) {
        Some(name) => package
            .read(&name)?
            .map(|bytes| comment_styles(&bytes, &name))
            .unwrap_or_default(),
        None => Default::default(),
    };

    // Existing comments.
    let comments_related = target_of(&[REL_COMMENTS, REL_COMMENTS_STRICT]);
    let comments_bytes = match &comments_related {
        Some(name) => package.read(name)?,
        None => None,
    };
    let existing = match (&comments_related, &comments_bytes) {
        (Some(name), Some(bytes)) => read_comments(bytes, name)?,
        _ => Default::default(),
    };
    let mut modern: Vec<ModernPart> = Vec::new();
    for rel in &rels {
        if let (Some(kind), Some(target)) = (Kind::from_relationship(&rel.kind), &rel.target)
            && !modern.iter().any(|m| m.kind == kind)
            && let Some(bytes) = package.read(target)?
        {
            modern.push(ModernPart::read(
                kind,
                package.entry_name(target).unwrap_or(target).to_owned(),
                bytes,
            )?);
        }
    }
    let modern_of = |kind: Kind| modern.iter().find(|m| m.kind == kind);

    // The tool's earlier comments: replaced, unless a person replied to or resolved them.
    let mut touched: IdSet<u32> = IdSet::new();
    if let Some(extended) = modern_of(Kind::Extended) {
        for entry in &extended.entries {
            if let Some(parent) = entry
                .attr("paraIdParent")
                .and_then(comments_part::parse_hex_id)
            {
                touched.insert(parent);
            }
            if entry.attr("done") == Some("1")
                && let Some(id) = entry.attr("paraId").and_then(comments_part::parse_hex_id)
            {
                touched.insert(id);
            }
        }
    }
    let mut removed = Vec::new();
    // (rule, first line of the message) of each comment thread kept.
    let mut kept_threads: Vec<(&str, &str)> = Vec::new();
    for comment in &existing.comments {
        let Some(rule) = comment.rule_tag() else {
            continue;
        };
        if comment.author != options.author {
            continue;
        }
        if comment
            .last_para_id()
            .is_some_and(|id| touched.contains(&id))
        {
            kept_threads.push((rule, comment.first_text().trim()));
        } else {
            removed.push(comment);
        }
    }
    let removed_ids: IdSet<i64> = removed.iter().map(|c| c.id).collect();
    let removed_para_ids: IdSet<u32> = removed
        .iter()
        .flat_map(|c| c.paragraphs.iter().filter_map(|p| p.para_id))
        .collect();

    let markers_found = existing_markers(&main, &main_name)?;
    let mut next_id = existing
        .comments
        .iter()
        .map(|c| c.id)
        .chain(markers_found.ids())
        .filter(|id| !removed_ids.contains(id))
        .max()
        .map_or(0, |max| max.saturating_add(1))
        .max(0);

    // The findings to write and where.
    let mut anchored: Vec<(&Finding, usize, Range<usize>)> = Vec::new();
    for finding in &review.findings {
        if finding.severity < options.min_severity {
            continue;
        }
        let line = first_line(&finding.message);
        if kept_threads
            .iter()
            .any(|&(rule, kept)| rule == finding.rule && kept == line)
        {
            continue;
        }
        let (paragraph, range) = anchor(review, finding)?;
        anchored.push((finding, paragraph, range));
    }

    // Ids: comment ids above every kept one; paragraph and durable ids derived from content.
    let uses_modern = modern_of(Kind::Extended).is_some()
        || modern_of(Kind::Ids).is_some()
        || modern_of(Kind::Extensible).is_some();
    let uses_durable = modern_of(Kind::Ids).is_some() || modern_of(Kind::Extensible).is_some();
    let mut taken_para: IdSet<u32> = existing
        .para_ids
        .iter()
        .copied()
        .filter(|id| !removed_para_ids.contains(id))
        .collect();
    if uses_modern {
        taken_para.extend(main_para_ids(&main));
    }
    let mut removed_durable: IdSet<u32> = IdSet::new();
    let mut taken_durable: IdSet<u32> = IdSet::new();
    if let Some(ids) = modern_of(Kind::Ids) {
        for entry in &ids.entries {
            let para = entry.attr("paraId").and_then(comments_part::parse_hex_id);
            let durable = entry
                .attr("durableId")
                .and_then(comments_part::parse_hex_id);
            if let Some(durable) = durable {
                if para.is_some_and(|p| removed_para_ids.contains(&p)) {
                    removed_durable.insert(durable);
                } else {
                    taken_durable.insert(durable);
                }
            }
        }
    }
    if let Some(extensible) = modern_of(Kind::Extensible) {
        for entry in &extensible.entries {
            if let Some(durable) = entry
                .attr("durableId")
                .and_then(comments_part::parse_hex_id)
                && !removed_durable.contains(&durable)
            {
                taken_durable.insert(durable);
            }
        }
    }

    let mut new_comments: Vec<NewComment> = Vec::with_capacity(anchored.len());
    // (paragraph, comment id, range), in the order written.
    let mut by_paragraph: Vec<(usize, i64, Range<usize>)> = Vec::with_capacity(anchored.len());
    for (ordinal, (finding, paragraph, range)) in anchored.iter().enumerate() {
        let id = next_id;
        next_id += 1;
        let seed = format!(
            "{}|{}|{}|{}|{}|{}|{}",
            options.author,
            finding.rule,
            finding.message,
            paragraph,
            range.start,
            range.end,
            ordinal
        );
        let para_id = uses_modern.then(|| {
            let id = derive_id(format!("paraId|{seed}").as_bytes(), &|id| {
                taken_para.contains(&id)
            });
            taken_para.insert(id);
            id
        });
        let durable_id = uses_durable.then(|| {
            let id = derive_id(format!("durableId|{seed}").as_bytes(), &|id| {
                taken_durable.contains(&id)
            });
            taken_durable.insert(id);
            id
        });
        new_comments.push(NewComment {
            id,
            paragraphs: comment_paragraphs(finding),
            para_id,
            durable_id,
        });
        by_paragraph.push((*paragraph, id, range.clone()));
    }

    // The main part: old markers out, new markers in.
    let markers = Markers {
        w: names_for(&main_namespaces, &[w_uri], "w"),
        reference_style: styles.reference,
    };
    let mut main_edits: Vec<Edit> = Vec::new();
    for &id in &removed_ids {
        main_edits.extend(markers_found.ranges(id).cloned().map(Edit::remove));
    }
    // Paragraph by paragraph, each paragraph's comments in the order written.
    by_paragraph.sort_by_key(|(paragraph, _, _)| *paragraph);
    for comments in by_paragraph.chunk_by(|a, b| a.0 == b.0) {
        let paragraph = &review.document.paragraphs[comments[0].0];
        let map = ParagraphMap::read(&main, paragraph, &main_name)?;
        let placements: Vec<_> = comments
            .iter()
            .map(|(_, id, range)| place(&main, paragraph, &map, range.clone(), *id))
            .collect();
        main_edits.extend(paragraph_edits(&main, &map, &placements, &markers)?);
    }

    let mut replaced: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut added: Vec<(String, Vec<u8>)> = Vec::new();
    let entry =
        |package: &Package<'_>, part: &str| package.entry_name(part).unwrap_or(part).to_owned();
    if !main_edits.is_empty() {
        replaced.insert(
            entry(&package, &main_name),
            apply_edits(&main, main_edits, &main_name)?,
        );
    }

    // The comments part.
    let date = options.date.as_deref();
    let written_comments = |names: &CommentNames| -> String {
        new_comments
            .iter()
            .map(|c| comment_xml(c, names, &options.author, &options.initials, date, styles))
            .collect()
    };
    match (&comments_related, &comments_bytes) {
        (Some(name), Some(bytes)) => {
            let namespaces = root_namespaces(bytes, name)?;
            let names = CommentNames {
                w: names_for(&namespaces, &[w_uri, W_TRANSITIONAL, W_STRICT], "w"),
                w14: names_for(&namespaces, &[W14], "w14"),
            };
            let edits = removed
                .iter()
                .map(|c| Edit::remove(c.element.clone()))
                .collect();
            if let Some(out) = append_to_root(bytes, name, &written_comments(&names), edits)? {
                replaced.insert(entry(&package, name), out);
            }
        }
        _ if !new_comments.is_empty() => {
            let name = match &comments_related {
                Some(name) => name.clone(),
                None => free_part_name(&package, &main_name, "comments"),
            };
            let names = CommentNames {
                w: Names {
                    elem: "w:".into(),
                    attr: "w:".into(),
                    decl: String::new(),
                },
                w14: Names {
                    elem: "w14:".into(),
                    attr: "w14:".into(),
                    decl: String::new(),
                },
            };
            let root_extra = if uses_modern {
                format!(" xmlns:w14=\"{W14}\" xmlns:mc=\"{MC}\" mc:Ignorable=\"w14\"")
            } else {
                String::new()
            };
            let part = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:comments xmlns:w=\"{w_uri}\"{root_extra}>{}</w:comments>",
                written_comments(&names)
            );
            added.push((name.clone(), part.into_bytes()));
            if comments_related.is_none() {
                let kind = if strict {
                    REL_COMMENTS_STRICT
                } else {
                    REL_COMMENTS
                };
                let target = relative_target(&main_name, &name);
                let (rels_out, rels_new) =
                    add_relationship(rels_bytes.as_deref(), &rels_part, &rels, kind, &target)?;
                if rels_new {
                    added.push((rels_part.clone(), rels_out));
                } else {
                    replaced.insert(entry(&package, &rels_part), rels_out);
                }
            }
            // Content types: an override for the new part (and for a new rels part without a default).
            let types_name = package
                .entry_name("[Content_Types].xml")
                .map(str::to_owned)
                .ok_or_else(|| {
                    AnnotateError::Read(ReadError::Damaged(
                        "the package has no [Content_Types].xml".into(),
                    ))
                })?;
            let types_bytes = package.read(&types_name)?.unwrap_or_default();
            let types = content_types(&types_bytes)?;
            let mut overrides = String::new();
            let prefix = prefix_for(&types_bytes, &types_name, NS_CONTENT_TYPES)?;
            if !types
                .overrides
                .contains_key(&package_writer::normalise(&name))
            {
                overrides.push_str(&format!(
                    "<{prefix}Override PartName=\"/{}\" ContentType=\"{CT_COMMENTS}\"/>",
                    escape_attr(&name)
                ));
            }
            if rels_bytes.is_none() && !types.has(&rels_part) {
                overrides.push_str(&format!(
                    "<{prefix}Override PartName=\"/{}\" ContentType=\"{CT_RELATIONSHIPS}\"/>",
                    escape_attr(&rels_part)
                ));
            }
            if let Some(out) = append_to_root(&types_bytes, &types_name, &overrides, Vec::new())? {
                replaced.insert(types_name, out);
            }
        }
        _ => {}
    }

    // The modern parts.
    for part in &modern {
        let mut edits = Vec::new();
        let mut children = String::new();
        match part.kind {
            Kind::Extended | Kind::Ids => {
                let local = if part.kind == Kind::Extended {
                    "commentEx"
                } else {
                    "commentId"
                };
                for e in &part.entries {
                    if e.local == local
                        && e.attr("paraId")
                            .and_then(comments_part::parse_hex_id)
                            .is_some_and(|p| removed_para_ids.contains(&p))
                    {
                        edits.push(Edit::remove(e.range.clone()));
                    }
                }
                for c in &new_comments {
                    match (part.kind, c.para_id, c.durable_id) {
                        (Kind::Extended, Some(p), _) => children.push_str(&part.comment_ex(p)),
                        (Kind::Ids, Some(p), Some(d)) => children.push_str(&part.comment_id(p, d)),
                        _ => {}
                    }
                }
            }
            Kind::Extensible => {
                for e in &part.entries {
                    if e.local == "commentExtensible"
                        && e.attr("durableId")
                            .and_then(comments_part::parse_hex_id)
                            .is_some_and(|d| removed_durable.contains(&d))
                    {
                        edits.push(Edit::remove(e.range.clone()));
                    }
                }
                for c in &new_comments {
                    if let Some(d) = c.durable_id {
                        children.push_str(&part.comment_extensible(d, date));
                    }
                }
            }
            Kind::People => {
                if !new_comments.is_empty() && !part.has_person(&options.author) {
                    children.push_str(&part.person(&options.author));
                }
            }
        }
        if let Some(out) = append_to_root(&part.bytes, &part.name, &children, edits)? {
            replaced.insert(part.name.clone(), out);
        }
    }

    package.write(&replaced, &added, original.len() + 64 * 1024)
}

/// The comment's paragraphs: the message, the help and the rule tag.
fn comment_paragraphs(finding: &Finding) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for text in [&finding.message, &finding.help] {
        out.extend(
            text.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned),
        );
    }
    out.push(format!("[{}]", finding.rule));
    out
}

fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// The paragraph and text range a finding's comment covers.
fn anchor(review: &Review, finding: &Finding) -> Result<(usize, Range<usize>), AnnotateError> {
    let paragraphs = &review.document.paragraphs;
    if let Some(location) = &finding.location {
        let paragraph = paragraphs.get(location.paragraph).ok_or_else(|| {
            AnnotateError::ReviewMismatch(format!(
                "a finding points at paragraph {}, but the document has {}",
                location.paragraph + 1,
                paragraphs.len()
            ))
        })?;
        let text = &paragraph.text;
        let mut start = location.range.start.min(text.len());
        let mut end = location.range.end.min(text.len()).max(start);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        return Ok((location.paragraph, start..end));
    }
    let whole = |index: usize| {
        let text = &paragraphs[index].text;
        let start = text.len() - text.trim_start().len();
        let end = text.trim_end().len().max(start);
        (index, start..end)
    };
    let section = finding
        .section
        .and_then(|id| review.plan.sections.iter().find(|s| s.id == id));
    if let Some(section) = section {
        if let Some(h) = section.heading_paragraph.filter(|&h| h < paragraphs.len()) {
            return Ok(whole(h));
        }
        if let Some(&p) = section.paragraphs.iter().find(|&&p| p < paragraphs.len()) {
            return Ok(whole(p));
        }
    }
    // A missing section or a whole-plan finding: the start of the document.
    if let Some(first) = paragraphs.iter().position(|p| !p.text.trim().is_empty()) {
        return Ok(whole(first));
    }
    if paragraphs.is_empty() {
        return Err(AnnotateError::Unsupported(
            "the document has no paragraph to attach a comment to".into(),
        ));
    }
    Ok((0, 0..0))
}

/// Finds the main part through `_rels/.rels` (when the review does not say).
fn main_part_name(package: &mut Package<'_>) -> Result<String, AnnotateError> {
    let rels = package
        .read("_rels/.rels")?
        .ok_or(AnnotateError::Read(ReadError::NoMainDocument))?;
    relationships(&rels, "", "_rels/.rels")?
        .into_iter()
        .find(|r| REL_OFFICE_DOCUMENT.contains(&r.kind.as_str()))
        .and_then(|r| r.target)
        .ok_or(AnnotateError::Read(ReadError::NoMainDocument))
}

/// Every `w14:paraId` in a part.
fn main_para_ids(xml: &[u8]) -> Vec<u32> {
    let mut ids = Vec::new();
    let mut i = 0;
    while i < xml.len() {
        match para_id_at(xml, i) {
            Some((id, end)) => {
                ids.push(id);
                i = end;
            }
            None => i += 1,
        }
    }
    ids
}

/// The attribute `paraId`, optional whitespace, `=`, optional whitespace,
/// a quote, one to eight hex digits and a quote, starting at `at`: its value
/// and where it ends.
fn para_id_at(xml: &[u8], at: usize) -> Option<(u32, usize)> {
    let skip_space = |mut i: usize| {
        while xml
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == 0x0B)
        {
            i += 1;
        }
        i
    };
    let is_quote = |i: usize| matches!(xml.get(i), Some(b'"' | b'\''));
    let rest = xml.get(at..)?;
    if !rest.starts_with(b"paraId") {
        return None;
    }
    let equals = skip_space(at + "paraId".len());
    if xml.get(equals) != Some(&b'=') {
        return None;
    }
    let quote = skip_space(equals + 1);
    if !is_quote(quote) {
        return None;
    }
    let start = quote + 1;
    let digits = xml[start..]
        .iter()
        .take_while(|b| b.is_ascii_hexdigit())
        .count();
    let end = start + digits;
    if !(1..=8).contains(&digits) || !is_quote(end) {
        return None;
    }
    let value = std::str::from_utf8(&xml[start..end]).ok()?;
    Some((u32::from_str_radix(value, 16).ok()?, end + 1))
}

/// Applies `edits` and adds `children` at the end of the root element;
/// `None` when nothing changes.
fn append_to_root(
    bytes: &[u8],
    part: &str,
    children: &str,
    mut edits: Vec<Edit>,
) -> Result<Option<Vec<u8>>, AnnotateError> {
    if !children.is_empty() {
        let end = root_end(bytes, part)?;
        match end.self_closing {
            Some(close) => edits.push(Edit {
                range: end.at..end.at + 2,
                text: format!(">{children}{close}").into_bytes(),
            }),
            None => edits.push(Edit::insert(end.at, children)),
        }
    }
    if edits.is_empty() {
        return Ok(None);
    }
    apply_edits(bytes, edits, part).map(Some)
}

/// The element prefix (`""` or `p:`) a part binds `uri` to on its root.
fn prefix_for(bytes: &[u8], part: &str, uri: &str) -> Result<String, AnnotateError> {
    let namespaces = root_namespaces(bytes, part)?;
    match namespaces.iter().find(|(_, u)| u == uri) {
        Some((p, _)) if p.is_empty() => Ok(String::new()),
        Some((p, _)) => Ok(format!("{p}:")),
        None => Err(AnnotateError::Read(ReadError::Damaged(format!(
            "{part} has an unknown namespace"
        )))),
    }
}

/// A relationship from the main part to `target`; returns the part's bytes
/// and whether the relationships part is new.
fn add_relationship(
    rels_bytes: Option<&[u8]>,
    rels_part: &str,
    rels: &[package_writer::Relationship],
    kind: &str,
    target: &str,
) -> Result<(Vec<u8>, bool), AnnotateError> {
    let mut n = rels.len() + 1;
    while rels.iter().any(|r| r.id == format!("rId{n}")) {
        n += 1;
    }
    match rels_bytes {
        Some(bytes) => {
            let prefix = prefix_for(bytes, rels_part, NS_RELATIONSHIPS)?;
            let element = format!(
                "<{prefix}Relationship Id=\"rId{n}\" Type=\"{kind}\" Target=\"{}\"/>",
                escape_attr(target)
            );
            let out = append_to_root(bytes, rels_part, &element, Vec::new())?.unwrap_or_else(|| bytes.to_vec());
            Ok((out, false))
        }
        None => Ok((
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"{NS_RELATIONSHIPS}\"><Relationship Id=\"rId{n}\" Type=\"{kind}\" Target=\"{}\"/></Relationships>",
                escape_attr(target)
            )
            .into_bytes(),
            true,
        )),
    }
}

/// `word/comments.xml` beside the main part, or `comments1.xml` … when taken.
fn free_part_name(package: &Package<'_>, main: &str, stem: &str) -> String {
    let dir = main.rfind('/').map_or("", |i| &main[..=i]);
    let mut n = 0;
    loop {
        let name = if n == 0 {
            format!("{dir}{stem}.xml")
        } else {
            format!("{dir}{stem}{n}.xml")
        };
        if !package.contains(&name) {
            return name;
        }
        n += 1;
    }
}

/// `word/comments.xml` seen from `word/document.xml`: `comments.xml`.
fn relative_target(source: &str, target: &str) -> String {
    let dir = source.rfind('/').map_or("", |i| &source[..=i]);
    match target.strip_prefix(dir) {
        Some(rest) if !dir.is_empty() => rest.to_owned(),
        _ if dir.is_empty() => target.to_owned(),
        _ => format!("/{target}"),
    }
}

#[cfg(test)]
mod para_id_tests {
    use super::main_para_ids;

    #[test]
    fn reads_every_para_id_with_either_quote_and_spacing() {
        let xml =
            br#"<w:p w14:paraId="1A2B3C4D" w14:textId="77777777"/><w:p w14:paraId = '00ff'/>"#;
        assert_eq!(main_para_ids(xml), [0x1A2B_3C4D, 0xFF]);
    }

    #[test]
    fn skips_values_that_are_not_one_to_eight_hex_digits() {
        let xml = br#"<w:p w14:paraId="123456789"/><w:p w14:paraId=""/><w:p w14:paraId="12G4"/><w:p w14:paraId=12/><w:p paraId="7"/>"#;
        assert_eq!(main_para_ids(xml), [7]);
    }

    #[test]
    fn handles_a_truncated_attribute_at_the_end() {
        assert_eq!(main_para_ids(b"<w:p w14:paraId=\"12"), Vec::<u32>::new());
        assert_eq!(main_para_ids(b"paraId"), Vec::<u32>::new());
        assert_eq!(main_para_ids(b""), Vec::<u32>::new());
    }
}
