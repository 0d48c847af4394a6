//! Visible text of a sample, read the simple way: every `*:t` element of
//! the main part (deleted text is in `*:delText`, field codes in
//! `*:instrText`, so both stay out), one line per paragraph.

use std::io::Read;

pub fn main_part(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP package");
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.to_string()))
        .collect();
    let name = names
        .iter()
        .find(|n| n.starts_with("word/document") && n.ends_with(".xml"))
        .expect("a main document part")
        .clone();
    let mut xml = String::new();
    zip.by_name(&name)
        .expect("main part")
        .read_to_string(&mut xml)
        .expect("UTF-8 main part");
    xml.trim_start_matches('\u{feff}').to_string()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Paragraph texts of the body, in order.
pub fn paragraphs(bytes: &[u8]) -> Vec<String> {
    let xml = main_part(bytes);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut rest = xml.as_str();
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let end = rest.find('>').expect("well-formed tag");
        let tag = &rest[..end];
        let name = tag.split_whitespace().next().unwrap_or("");
        let local = name.rsplit(':').next().unwrap_or(name);
        if tag.starts_with('/') {
            if local == "p" {
                out.push(std::mem::take(&mut current));
            }
        } else if local == "t" && !tag.ends_with('/') {
            let body = &rest[end + 1..];
            let close = body.find("</").expect("closed text element");
            current.push_str(&unescape(&body[..close]));
        } else if (local == "tab" || local == "br") && tag.ends_with('/') {
            current.push(' ');
        }
        rest = &rest[end + 1..];
    }
    out
}
