//! Text output: `check` as a compiler's diagnostics, `extract` as an
//! outline, `rules` as a catalogue. Plan text is untrusted: control and
//! bidirectional-override characters are shown as spaces so a document can
//! never drive the terminal.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ehcp_core::edge::{ExtractReport, ItemJson};
use ehcp_core::finding::{Finding, Severity};
use ehcp_core::plan::SectionId;
use ehcp_core::review::{Rag, Review, summarise};
use ehcp_core::rules::RuleDoc;

use crate::settings::Style;

/// The widest slice of a paragraph shown above a marker.
const WINDOW: usize = 96;

/// `text` safe to print: every control or bidi-override character becomes a
/// space (one char for one char, so offsets still line up).
pub fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| if is_unsafe_char(c) { ' ' } else { c })
        .collect()
}

fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn severity_sgr(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

fn rag_sgr(rag: Rag) -> &'static str {
    match rag {
        Rag::Red => "31",
        Rag::Amber => "33",
        Rag::Green => "32",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `ehcp check --format text`: one diagnostic per finding, then the
/// per-section RAG summary and the counts.
pub fn check_report(file: &str, review: &Review, style: Style) -> String {
    let mut out = String::new();
    let file = terminal_safe(file);
    for finding in &review.findings {
        diagnostic(&mut out, &file, review, finding, style);
        out.push('\n');
    }
    summary(&mut out, &file, review, style);
    out
}

fn diagnostic(out: &mut String, file: &str, review: &Review, finding: &Finding, style: Style) {
    let severity = finding.severity;
    let head = format!("{severity}[{}]", finding.rule);
    let _ = writeln!(
        out,
        "{}{} {}",
        style.paint(severity_sgr(severity), &head),
        style.paint("1", ":"),
        style.paint("1", &terminal_safe(&finding.message))
    );
    let mut place = vec![file.to_owned()];
    if let Some(section) = finding.section {
        place.push(format!("section {section}"));
    }
    let location = finding
        .location
        .as_ref()
        .filter(|l| l.paragraph < review.document.paragraphs.len());
    if let Some(location) = location {
        place.push(format!("paragraph {}", location.paragraph));
    }
    if let Some(item) = &finding.item {
        place.push(format!("item {}", terminal_safe(item)));
    }
    let arrow = style.paint("1;34", "-->");
    let _ = writeln!(out, "  {arrow} {}", place.join(", "));
    let bar = style.paint("1;34", "|");
    match location {
        Some(location) => {
            let text = &review.document.paragraphs[location.paragraph].text;
            let (line, marker) = excerpt(text, location.range.clone());
            let gutter = location.paragraph.to_string();
            let pad = " ".repeat(gutter.len());
            let _ = writeln!(out, "{pad} {bar}");
            let _ = writeln!(out, "{} {bar} {line}", style.paint("1;34", &gutter));
            let _ = writeln!(
                out,
                "{pad} {bar} {}",
                style.paint(severity_sgr(severity), &marker)
            );
            write_notes(out, finding, &pad, style);
        }
        None => {
            if !finding.quote.is_empty() {
                let _ = writeln!(out, "  {bar} \"{}\"", terminal_safe(&finding.quote));
            }
            write_notes(out, finding, " ", style);
        }
    }
}

fn write_notes(out: &mut String, finding: &Finding, pad: &str, style: Style) {
    let eq = style.paint("1;34", "=");
    if !finding.help.is_empty() {
        let _ = writeln!(
            out,
            "{pad} {eq} {} {}",
            style.paint("1", "help:"),
            terminal_safe(&finding.help)
        );
    }
    if let Some(reference) = finding.reference {
        let _ = writeln!(out, "{pad} {eq} {} {reference}", style.paint("1", "see:"));
    }
    if finding.confidence < 1.0 {
        let _ = writeln!(
            out,
            "{pad} {eq} {} {:.0}%",
            style.paint("1", "confidence:"),
            finding.confidence * 100.0
        );
    }
}

/// The paragraph (or a window of it around the span) and a `^^^` line
/// under the span. `range` is a byte range; one that is out of bounds or
/// not on character boundaries is clamped.
pub fn excerpt(text: &str, range: std::ops::Range<usize>) -> (String, String) {
    let chars: Vec<char> = terminal_safe(text).chars().collect();
    let to_char = |byte: usize| {
        let byte = byte.min(text.len());
        text.char_indices()
            .take_while(|&(i, c)| i + c.len_utf8() <= byte)
            .count()
    };
    let start = to_char(range.start);
    let end = to_char(range.end).max(start);
    let span = (end - start).max(1);
    // Choose the window: the whole paragraph when it fits, otherwise the
    // span with some context before it (the span itself cut if too long).
    let (from, to) = if chars.len() <= WINDOW {
        (0, chars.len())
    } else {
        let before = if span >= WINDOW - 10 {
            0
        } else {
            ((WINDOW - span) / 3).min(start)
        };
        let from = start - before;
        let to = (from + WINDOW).min(chars.len());
        (to.saturating_sub(WINDOW).min(from), to)
    };
    let mut line = String::new();
    let mut offset = 0;
    if from > 0 {
        line.push('…');
        offset = 1;
    }
    line.extend(&chars[from..to]);
    if to < chars.len() {
        line.push('…');
    }
    let marker_start = start.clamp(from, to) - from + offset;
    let marker_end = end.clamp(from, to) - from + offset;
    let marker = format!(
        "{}{}",
        " ".repeat(marker_start),
        "^".repeat((marker_end - marker_start).max(1))
    );
    (line.trim_end().to_owned(), marker)
}

fn summary(out: &mut String, file: &str, review: &Review, style: Style) {
    let summary = summarise(&review.findings);
    let mut per_section: BTreeMap<SectionId, [usize; 3]> = BTreeMap::new();
    for finding in &review.findings {
        let sections: Vec<SectionId> = match finding.section {
            Some(SectionId::H) => vec![SectionId::H1, SectionId::H2],
            Some(id) => vec![id],
            None => vec![],
        };
        for id in sections {
            let counts = per_section.entry(id).or_default();
            counts[match finding.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
        }
    }
    let child = review
        .plan
        .child
        .name
        .as_deref()
        .map(terminal_safe)
        .unwrap_or_else(|| "child not named".into());
    let _ = writeln!(
        out,
        "{} {file}: {child} ({} plan)",
        style.paint("1", "summary:"),
        review.plan.status.as_str()
    );
    for id in SectionId::STATUTORY {
        let rag = summary.rag.get(&id).copied().unwrap_or(Rag::Green);
        let counts = per_section.get(&id).copied().unwrap_or_default();
        let mut notes = Vec::new();
        for (n, (one, many)) in counts.iter().zip([
            ("error", "errors"),
            ("warning", "warnings"),
            ("info", "infos"),
        ]) {
            if *n > 0 {
                notes.push(plural(*n, one, many));
            }
        }
        let found = if review.plan.has_section(id)
            || (matches!(id, SectionId::H1 | SectionId::H2)
                && review.plan.has_section(SectionId::H))
        {
            ""
        } else {
            " (not found)"
        };
        let line = format!(
            "  {:<3}{}  {:<42}{}",
            id.as_str(),
            style.paint(rag_sgr(rag), &format!("{:<6}", rag.as_str())),
            format!("{}{found}", id.title()),
            notes.join(", ")
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let counts = format!(
        "{}, {}, {}",
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings"),
        plural(summary.infos, "info", "infos"),
    );
    let sgr = if summary.errors > 0 {
        "1;31"
    } else if summary.warnings > 0 {
        "1;33"
    } else {
        "1;32"
    };
    let _ = writeln!(out, "{}", style.paint(sgr, &counts));
}

/// `ehcp extract --format text`: a readable outline of the plan model.
pub fn extract_outline(report: &ExtractReport) -> String {
    let mut out = String::new();
    let plan = &report.plan;
    let t = terminal_safe;
    let _ = writeln!(out, "{}", t(&report.file));
    let child = &plan.child;
    let mut details = Vec::new();
    if let Some(preferred) = &child.preferred_name {
        details.push(format!("known as {}", t(preferred)));
    }
    if let Some(dob) = &child.date_of_birth {
        details.push(format!("born {}", t(dob)));
    }
    if let Some(year) = child.year_group {
        details.push(if year == 0 {
            "Reception".into()
        } else {
            format!("Year {year}")
        });
    }
    let name = child.name.as_deref().map_or("(not found)".into(), t);
    let details = if details.is_empty() {
        String::new()
    } else {
        format!(" ({})", details.join(", "))
    };
    let _ = writeln!(out, "child:  {name}{details}");
    let date = plan.plan_date.as_deref().map_or("not stated".into(), t);
    let _ = writeln!(out, "status: {}, dated {date}", t(&plan.status));
    let _ = writeln!(out, "\nsections ({}):", plan.sections.len());
    for section in &plan.sections {
        let range = match (section.paragraphs.first(), section.paragraphs.last()) {
            (Some(first), Some(last)) => format!(
                "paragraphs {}–{} ({})",
                first.index,
                last.index,
                section.paragraphs.len()
            ),
            _ => "no content".into(),
        };
        let _ = writeln!(
            out,
            "  {:<3} {:<50} {range}",
            section.id,
            format!("\"{}\"", shorten(&section.heading, 46))
        );
    }
    for (title, items) in [
        ("aspirations", &plan.aspirations),
        ("needs", &plan.needs),
        ("outcomes", &plan.outcomes),
        ("provision", &plan.provision),
        ("placement", &plan.placement),
        ("personal budget", &plan.personal_budget),
        ("advice", &plan.advice),
    ] {
        let _ = writeln!(out, "\n{title} ({}):", items.len());
        for item in items {
            item_line(&mut out, item);
        }
    }
    let _ = writeln!(out, "\nlinks ({}):", plan.links.len());
    for link in &plan.links {
        let _ = writeln!(
            out,
            "  {} → {}  {} {:.2}: {}",
            t(&link.from),
            t(&link.to),
            link.evidence,
            link.score,
            t(&link.detail)
        );
    }
    if !plan.warnings.is_empty() {
        let _ = writeln!(out, "\nwarnings ({}):", plan.warnings.len());
        for warning in &plan.warnings {
            let _ = writeln!(out, "  {}", t(warning));
        }
    }
    out
}

fn item_line(out: &mut String, item: &ItemJson) {
    let own = if item.id_from_document { "" } else { "*" };
    let mut tags = Vec::new();
    if let Some(area) = &item.area {
        tags.push(terminal_safe(area));
    }
    if let Some(term) = &item.term {
        tags.push(terminal_safe(term));
    }
    let tags = if tags.is_empty() {
        String::new()
    } else {
        format!(" [{}]", tags.join("; "))
    };
    let at = item.paragraph.map_or(String::new(), |p| format!(" (¶{p})"));
    let _ = writeln!(
        out,
        "  {}{own}{tags}{at}: {}",
        terminal_safe(&item.id),
        shorten(&item.text, 100)
    );
    let fields = [
        ("time frame", &item.time_frame),
        ("what", &item.what),
        ("who", &item.who),
        ("how often", &item.frequency),
        ("how long", &item.duration),
        ("group", &item.group),
        ("author", &item.author),
        ("role", &item.role),
        ("date", &item.date),
    ];
    let fields: Vec<String> = fields
        .iter()
        .filter_map(|(name, value)| {
            value
                .as_ref()
                .map(|v| format!("{name}: {}", shorten(v, 60)))
        })
        .collect();
    if !fields.is_empty() {
        let _ = writeln!(out, "      {}", fields.join("; "));
    }
}

/// One line of at most `max` characters (newlines as spaces, "…" when cut).
pub fn shorten(text: &str, max: usize) -> String {
    let flat = terminal_safe(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// `ehcp rules`: id, severity and summary of every rule.
pub fn rule_catalogue(rules: &[&RuleDoc], style: Style) -> String {
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        style.paint("1", &format!("{:<width$}  {:<8} SUMMARY", "ID", "SEVERITY"))
    );
    for rule in rules {
        let _ = writeln!(
            out,
            "{:<width$}  {} {}",
            rule.id,
            style.paint(
                severity_sgr(rule.severity),
                &format!("{:<8}", rule.severity.as_str())
            ),
            rule.summary
        );
    }
    let _ = writeln!(
        out,
        "\n{} rules. `ehcp rules ID` explains one.",
        rules.len()
    );
    out
}

/// `ehcp rules ID`: the rule's full documentation.
pub fn rule_detail(rule: &RuleDoc, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({})",
        style.paint("1", rule.id),
        style.paint(severity_sgr(rule.severity), rule.severity.as_str())
    );
    let _ = writeln!(out, "\n{}", rule.summary);
    for (title, body) in [
        ("Why it matters", rule.rationale),
        ("Reference", rule.reference),
        ("Example", rule.example),
        ("Fix", rule.fix),
    ] {
        if body.trim().is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", style.paint("1", &format!("{title}:")));
        for line in wrap(body, 76) {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// Greedy word wrap that keeps the text's own line breaks.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for source in text.lines() {
        let mut line = String::new();
        for word in source.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_sits_under_the_span() {
        let text = "Claire will have access to a speech and language therapist.";
        let start = text.find("access to").unwrap();
        let (line, marker) = excerpt(text, start..start + "access to".len());
        assert_eq!(line, text);
        assert_eq!(marker, format!("{}{}", " ".repeat(start), "^".repeat(9)));
    }

    #[test]
    fn marker_counts_characters_not_bytes() {
        let text = "Zoë’s provision: access to therapy";
        let start = text.find("access").unwrap();
        let (_, marker) = excerpt(text, start..start + 6);
        assert_eq!(marker, format!("{}^^^^^^", " ".repeat(17)));
    }

    #[test]
    fn long_paragraphs_show_a_window_around_the_span() {
        let text = format!(
            "{} as appropriate {}",
            "word ".repeat(60),
            "tail ".repeat(60)
        );
        let start = text.find("as appropriate").unwrap();
        let (line, marker) = excerpt(&text, start..start + 14);
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        assert!(line.chars().count() <= WINDOW + 2);
        let col = marker.find('^').unwrap();
        let shown: String = line.chars().skip(col).take(14).collect();
        assert_eq!(shown, "as appropriate");
    }

    #[test]
    fn out_of_range_spans_are_clamped() {
        let (line, marker) = excerpt("short", 3..99);
        assert_eq!(line, "short");
        assert_eq!(marker, "   ^^");
        let (_, marker) = excerpt("é", 1..1);
        assert_eq!(marker, "^");
    }

    #[test]
    fn control_and_bidi_characters_cannot_reach_the_terminal() {
        assert_eq!(
            terminal_safe("a\x1b[31mb\u{202E}c\r\n"),
            "a [31mb c  ".to_string()
        );
    }

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("one\ntwo", 80), vec!["one", "two"]);
    }
}
