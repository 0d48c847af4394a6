//! The comments part (`word/comments.xml`): reading the comments already
//! there, and writing the tool's comments as Word does.

use std::ops::Range;

use super::AnnotateError;
use super::id_set::IdSet;
use super::xml::{Names, Scanner, TagKind, escape_attr, escape_text, unescape_lossy};

/// One `w:comment` already in the part.
#[derive(Debug, Clone)]
pub(crate) struct ExistingComment {
    pub id: i64,
    pub author: String,
    /// Byte range of the whole element.
    pub element: Range<usize>,
    pub paragraphs: Vec<CommentParagraph>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct CommentParagraph {
    /// `w14:paraId`, parsed from hex.
    pub para_id: Option<u32>,
    pub text: String,
}

impl ExistingComment {
    /// The `w14:paraId` of the last paragraph: the comment's id in the modern parts.
    pub fn last_para_id(&self) -> Option<u32> {
        self.paragraphs.last().and_then(|p| p.para_id)
    }

    /// The rule id the tool writes as the comment's last line, `[rule/id]`.
    pub fn rule_tag(&self) -> Option<&str> {
        let last = self
            .paragraphs
            .iter()
            .rev()
            .find(|p| !p.text.trim().is_empty())?;
        parse_rule_tag(last.text.trim())
    }

    /// The first paragraph's text (the tool writes the message there).
    pub fn first_text(&self) -> &str {
        self.paragraphs.first().map_or("", |p| p.text.as_str())
    }
}

/// `[provision/vague-wording]` → `provision/vague-wording`.
pub(crate) fn parse_rule_tag(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    let ok = !inner.is_empty()
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.'));
    ok.then_some(inner)
}

/// The comments in a comments part and the paragraph ids it uses.
#[derive(Debug, Default)]
pub(crate) struct CommentsPart {
    pub comments: Vec<ExistingComment>,
    pub para_ids: IdSet<u32>,
}

pub(crate) fn parse_hex_id(value: &str) -> Option<u32> {
    u32::from_str_radix(value.trim(), 16).ok()
}

pub(crate) fn read_comments(xml: &[u8], part: &str) -> Result<CommentsPart, AnnotateError> {
    let mut out = CommentsPart::default();
    let mut depth = 0usize;
    let mut current: Option<ExistingComment> = None;
    let mut text_start: Option<usize> = None;
    for tag in Scanner::new(xml, part) {
        let tag = tag?;
        match tag.kind {
            TagKind::Start | TagKind::Empty => {
                let local = tag.local();
                if local == b"p" {
                    let para_id = tag.attr(b"paraId").and_then(|v| parse_hex_id(&v));
                    if let Some(id) = para_id {
                        out.para_ids.insert(id);
                    }
                    if let Some(comment) = current.as_mut() {
                        comment.paragraphs.push(CommentParagraph {
                            para_id,
                            text: String::new(),
                        });
                    }
                }
                if depth == 1 && local == b"comment" {
                    let comment = ExistingComment {
                        id: tag
                            .attr(b"id")
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(-1),
                        author: tag
                            .attr(b"author")
                            .map(|a| a.into_owned())
                            .unwrap_or_default(),
                        element: tag.range.clone(),
                        paragraphs: Vec::new(),
                    };
                    if tag.kind == TagKind::Empty {
                        out.comments.push(comment);
                    } else {
                        current = Some(comment);
                    }
                }
                if tag.kind == TagKind::Start {
                    if local == b"t" {
                        text_start = Some(tag.range.end);
                    }
                    depth += 1;
                } else if matches!(local, b"tab") {
                    push_text(&mut current, "\t");
                }
            }
            TagKind::End => {
                depth = depth.saturating_sub(1);
                if tag.local() == b"t"
                    && let Some(start) = text_start.take()
                {
                    let raw = &xml[start..tag.range.start];
                    push_text(&mut current, &unescape_lossy(raw));
                }
                if depth == 1
                    && tag.local() == b"comment"
                    && let Some(mut comment) = current.take()
                {
                    comment.element.end = tag.range.end;
                    out.comments.push(comment);
                }
            }
        }
    }
    Ok(out)
}

fn push_text(current: &mut Option<ExistingComment>, text: &str) {
    if let Some(comment) = current.as_mut()
        && let Some(p) = comment.paragraphs.last_mut()
    {
        p.text.push_str(text);
    }
}

/// Which comment styles the document defines.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CommentStyles {
    /// Character style `CommentReference`.
    pub reference: bool,
    /// Paragraph style `CommentText`.
    pub text: bool,
}

pub(crate) fn comment_styles(styles: &[u8], part: &str) -> CommentStyles {
    let mut out = CommentStyles::default();
    for tag in Scanner::new(styles, part) {
        let Ok(tag) = tag else { break };
        if tag.kind != TagKind::End && tag.local() == b"style" {
            match tag.attr(b"styleId").as_deref() {
                Some("CommentReference") => out.reference = true,
                Some("CommentText") => out.text = true,
                _ => {}
            }
        }
    }
    out
}

/// A comment the tool writes.
#[derive(Debug, Clone)]
pub(crate) struct NewComment {
    pub id: i64,
    /// One entry per paragraph: the message, the help, `[rule id]`.
    pub paragraphs: Vec<String>,
    /// `w14:paraId` of the last paragraph, when the modern parts are in use.
    pub para_id: Option<u32>,
    pub durable_id: Option<u32>,
}

/// Names of the comments part: `w` and `w14`.
#[derive(Debug, Clone)]
pub(crate) struct CommentNames {
    pub w: Names,
    pub w14: Names,
}

pub(crate) fn comment_xml(
    comment: &NewComment,
    names: &CommentNames,
    author: &str,
    initials: &str,
    date: Option<&str>,
    styles: CommentStyles,
) -> String {
    let w = &names.w;
    let bare = Names {
        decl: String::new(),
        ..w.clone()
    };
    let e = &bare.elem;
    let mut out = w.open("comment");
    out.push_str(&w.attr("id", &comment.id.to_string()));
    out.push_str(&w.attr("author", &escape_attr(author)));
    if let Some(date) = date {
        out.push_str(&w.attr("date", &escape_attr(date)));
    }
    if !initials.is_empty() {
        out.push_str(&w.attr("initials", &escape_attr(initials)));
    }
    out.push('>');
    let last = comment.paragraphs.len().saturating_sub(1);
    for (n, text) in comment.paragraphs.iter().enumerate() {
        out.push_str(&format!("<{e}p"));
        if n == last
            && let Some(para_id) = comment.para_id
        {
            out.push_str(&names.w14.decl);
            out.push_str(&names.w14.attr("paraId", &format!("{para_id:08X}")));
            out.push_str(&names.w14.attr("textId", "77777777"));
        }
        out.push('>');
        if styles.text {
            out.push_str(&format!(
                "<{e}pPr><{e}pStyle{}/></{e}pPr>",
                bare.attr("val", "CommentText")
            ));
        }
        if n == 0 {
            out.push_str(&format!("<{e}r>"));
            if styles.reference {
                out.push_str(&format!(
                    "<{e}rPr><{e}rStyle{}/></{e}rPr>",
                    bare.attr("val", "CommentReference")
                ));
            }
            out.push_str(&format!("<{e}annotationRef/></{e}r>"));
        }
        if !text.is_empty() {
            out.push_str(&format!(
                "<{e}r><{e}t xml:space=\"preserve\">{}</{e}t></{e}r>",
                escape_text(text)
            ));
        }
        out.push_str(&format!("</{e}p>"));
    }
    out.push_str(&w.close("comment"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_comments_with_text_and_para_ids() {
        let xml = br#"<?xml version="1.0"?><w:comments xmlns:w="w" xmlns:w14="x"><w:comment w:id="3" w:author="A &amp; B"><w:p w14:paraId="0000000A"><w:r><w:t>Hi &lt;there&gt;</w:t></w:r></w:p><w:p w14:paraId="1234ABCD"><w:r><w:t>[provision/vague-wording]</w:t></w:r></w:p></w:comment><w:comment w:id="4" w:author="B"/></w:comments>"#;
        let part = read_comments(xml, "c").unwrap();
        assert_eq!(part.comments.len(), 2);
        let c = &part.comments[0];
        assert_eq!(c.id, 3);
        assert_eq!(c.author, "A & B");
        assert_eq!(c.first_text(), "Hi <there>");
        assert_eq!(c.last_para_id(), Some(0x1234ABCD));
        assert_eq!(c.rule_tag(), Some("provision/vague-wording"));
        assert!(xml[c.element.clone()].starts_with(b"<w:comment "));
        assert!(xml[c.element.clone()].ends_with(b"</w:comment>"));
        assert_eq!(part.comments[1].rule_tag(), None);
        assert!(part.para_ids.contains(&10));
    }

    #[test]
    fn rule_tags_are_strict() {
        assert_eq!(parse_rule_tag("[a/b-c]"), Some("a/b-c"));
        assert_eq!(parse_rule_tag("[see page 3]"), None);
        assert_eq!(parse_rule_tag("[]"), None);
        assert_eq!(parse_rule_tag("a/b"), None);
    }
}
