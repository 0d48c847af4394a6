//! The batch report: `index.html` (the caseload at a glance) and one page
//! per plan (`plans/<name>.html`: findings and thread map).
//!
//! Every page is one self-contained file: inline CSS and script, inline SVG,
//! no external asset, no font, no network. A Content-Security-Policy in each
//! page forbids any fetch and allows only the page's own script (by its
//! SHA-256), so even text that slipped through escaping could not run.
//! Everything that comes from a document is escaped with [`escape`].

use std::fmt::Write as _;

use base64_lite::encode as base64;
use ehcp_core::edge::{CheckReport, FindingJson};
use ehcp_core::plan::SectionId;
use ehcp_core::review::{Rag, Review};
use ehcp_core::text::byte_offset;
use sha2::{Digest, Sha256};

use crate::report::{FailureRow, PlanRow, rule_frequency};

/// HTML-escapes text for element content and double- or single-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML forbids and HTML renders as garbage.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root{--red:#c62828;--amber:#ef8f00;--green:#2e7d32;--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);margin:0;padding:1.2rem 1.6rem;max-width:1500px}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
.muted{color:var(--muted)}
.notice{border-left:4px solid var(--amber);background:#fff8e1;padding:.5rem .8rem;margin:.8rem 0}
.cards{display:flex;gap:.8rem;flex-wrap:wrap;margin:.8rem 0}
.card{border:1px solid var(--line);border-radius:6px;padding:.5rem .9rem;min-width:8rem;background:#fff}
.card b{display:block;font-size:1.4rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:var(--bg);position:sticky;top:0;z-index:1}
th button{all:unset;cursor:pointer;font-weight:600}
th button:focus-visible{outline:2px solid #0969da}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.rag{text-align:center;font-weight:700;color:#fff;width:2.1rem;padding:.25rem 0}
.rag-red{background:var(--red)}.rag-amber{background:var(--amber)}.rag-green{background:var(--green)}
.badge{display:inline-block;border-radius:3px;padding:0 .35rem;color:#fff;font-weight:600;font-size:.8rem;text-transform:uppercase}
.sev-error{background:var(--red)}.sev-warning{background:var(--amber)}.sev-info{background:#0969da}
.controls{display:flex;gap:.8rem;align-items:center;flex-wrap:wrap;margin:.6rem 0}
input[type=search],select{font:inherit;padding:.25rem .4rem}
.finding{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin:.5rem 0;background:#fff}
.finding .where{color:var(--muted);font-size:.9em}
.context{background:var(--bg);padding:.35rem .5rem;border-radius:4px;white-space:pre-wrap;margin:.35rem 0}
mark{background:#ffe08a;padding:0 .1rem}
tr.gap td{background:#fdecea}
.gaps{color:var(--red);font-weight:600}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
a{color:#0969da}
"#;

const INDEX_SCRIPT: &str = r#"(function(){
"use strict";
var table=document.getElementById("plans");
if(!table){return;}
var body=table.tBodies[0];
var rows=Array.prototype.slice.call(body.rows);
var filter=document.getElementById("filter");
var level=document.getElementById("level");
var shown=document.getElementById("shown");
function apply(){
  var text=filter.value.trim().toLowerCase();
  var want=level.value;
  var n=0;
  rows.forEach(function(row){
    var ok=(!text||row.getAttribute("data-search").indexOf(text)!==-1)&&(want==="all"||row.getAttribute("data-level")===want);
    row.hidden=!ok;
    if(ok){n++;}
  });
  shown.textContent=String(n);
}
filter.addEventListener("input",apply);
level.addEventListener("change",apply);
var heads=table.tHead.rows[0].cells;
Array.prototype.forEach.call(heads,function(th,col){
  var button=th.querySelector("button");
  if(!button){return;}
  button.addEventListener("click",function(){
    var ascending=th.getAttribute("aria-sort")!=="ascending";
    Array.prototype.forEach.call(heads,function(h){h.removeAttribute("aria-sort");});
    th.setAttribute("aria-sort",ascending?"ascending":"descending");
    var numeric=th.getAttribute("data-type")==="num";
    var key=function(row){
      var cell=row.cells[col];
      var v=cell.hasAttribute("data-value")?cell.getAttribute("data-value"):cell.textContent;
      return numeric?Number(v):v.toLowerCase();
    };
    rows.sort(function(a,b){
      var x=key(a),y=key(b);
      var c=x<y?-1:(x>y?1:0);
      return ascending?c:-c;
    });
    rows.forEach(function(row){body.appendChild(row);});
  });
});
apply();
})();"#;

fn rag_letter(rag: Rag) -> &'static str {
    match rag {
        Rag::Red => "R",
        Rag::Amber => "A",
        Rag::Green => "G",
    }
}

fn rag_rank(rag: Rag) -> u8 {
    match rag {
        Rag::Red => 2,
        Rag::Amber => 1,
        Rag::Green => 0,
    }
}

fn head(out: &mut String, title: &str, script: Option<&str>) {
    let script_src = match script {
        Some(script) => format!("'sha256-{}'", base64(&Sha256::digest(script.as_bytes()))),
        None => "'none'".into(),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:; script-src {script_src}; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
}

const PERSONAL_DATA: &str = "This report holds personal data about children and young people \
    (names, needs, health and family details). Keep it where the plans themselves may be kept, \
    share it only with colleagues entitled to see the plans, and delete it when the review is done.";

/// Everything `index.html` shows.
#[derive(Debug)]
pub struct IndexPage<'a> {
    pub source: &'a str,
    pub generated: &'a str,
    pub rows: &'a [PlanRow],
    pub failures: &'a [FailureRow],
    /// Whether annotated copies were written (`annotated/<file>`).
    pub annotated: bool,
}

/// `index.html`: counts, the RAG heat map (one row per plan, sortable and
/// filterable), the rule-frequency chart and the files that could not be read.
pub fn index_page(page: &IndexPage<'_>) -> String {
    let rows = page.rows;
    let mut out = String::with_capacity(4096 + rows.len() * 1500);
    head(
        &mut out,
        "Golden Thread: caseload report",
        Some(INDEX_SCRIPT),
    );
    let red = rows.iter().filter(|r| r.overall() == Rag::Red).count();
    let amber = rows.iter().filter(|r| r.overall() == Rag::Amber).count();
    let green = rows.len() - red - amber;
    let gaps: usize = rows.iter().map(|r| r.thread_gaps).sum();
    let _ = write!(
        out,
        "<header>\n<h1>Golden Thread: caseload report</h1>\n\
         <p class=\"muted\">{} · generated {} · <a href=\"summary.csv\">summary.csv</a> · \
         <a href=\"failures.csv\">failures.csv</a></p>\n\
         <p class=\"notice\" role=\"note\"><strong>Personal data.</strong> {PERSONAL_DATA}</p>\n</header>\n",
        escape(page.source),
        escape(page.generated)
    );
    let _ = writeln!(
        out,
        "<section class=\"cards\" aria-label=\"Totals\">\
         <div class=\"card\"><b id=\"total-plans\">{}</b>plans checked</div>\
         <div class=\"card\"><b style=\"color:var(--red)\">{red}</b>with errors</div>\
         <div class=\"card\"><b style=\"color:var(--amber)\">{amber}</b>with warnings only</div>\
         <div class=\"card\"><b style=\"color:var(--green)\">{green}</b>clean</div>\
         <div class=\"card\"><b>{gaps}</b>needs with a thread gap</div>\
         <div class=\"card\"><b id=\"total-failures\">{}</b>could not be read</div></section>",
        rows.len(),
        page.failures.len()
    );

    out.push_str("<h2 id=\"heatmap-title\">Plans by section</h2>\n");
    out.push_str(
        "<p class=\"muted\">Each cell rates one section of one plan: <b>R</b> red (an error), \
         <b>A</b> amber (a warning), <b>G</b> green (nothing to fix). Click a column to sort.</p>\n",
    );
    let _ = writeln!(
        out,
        "<div class=\"controls\"><label>Find <input type=\"search\" id=\"filter\" \
         placeholder=\"file or child\" autocomplete=\"off\"></label>\
         <label>Show <select id=\"level\"><option value=\"all\">all plans</option>\
         <option value=\"red\">with errors</option><option value=\"amber\">with warnings only</option>\
         <option value=\"green\">clean</option></select></label>\
         <span><b id=\"shown\">{}</b> of {} shown</span></div>",
        rows.len(),
        rows.len()
    );
    out.push_str(
        "<table id=\"plans\" class=\"heatmap\" aria-labelledby=\"heatmap-title\">\n<thead><tr>\
         <th data-type=\"text\"><button type=\"button\">File</button></th>\
         <th data-type=\"text\"><button type=\"button\">Child</button></th>\
         <th data-type=\"text\"><button type=\"button\">Status</button></th>\
         <th data-type=\"num\"><button type=\"button\">Errors</button></th>\
         <th data-type=\"num\"><button type=\"button\">Warnings</button></th>\
         <th data-type=\"num\"><button type=\"button\">Info</button></th>",
    );
    for id in SectionId::STATUTORY {
        let _ = write!(
            out,
            "<th data-type=\"num\" title=\"Section {id}: {}\"><button type=\"button\">{id}</button></th>",
            escape(id.title())
        );
    }
    out.push_str(
        "<th data-type=\"num\"><button type=\"button\">Gaps</button></th>\
         <th data-type=\"text\"><button type=\"button\">Most frequent rules</button></th>",
    );
    if page.annotated {
        out.push_str("<th>Annotated</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        plan_row(&mut out, row, page.annotated);
    }
    out.push_str("</tbody>\n</table>\n");

    out.push_str("<h2 id=\"rules-title\">Rules across the caseload</h2>\n");
    out.push_str(&rule_chart(rows));

    out.push_str("<h2>Files that could not be read</h2>\n");
    if page.failures.is_empty() {
        out.push_str("<p>None: every file was read.</p>\n");
    } else {
        out.push_str(
            "<table id=\"failures\"><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>\n",
        );
        for failure in page.failures {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(&failure.file),
                escape(&failure.reason)
            );
        }
        out.push_str("</tbody></table>\n");
    }
    let _ = write!(out, "<script>{INDEX_SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn plan_row(out: &mut String, row: &PlanRow, annotated: bool) {
    let child = row.child.as_deref().unwrap_or("");
    let search = format!("{} {}", row.file, child).to_lowercase();
    let _ = write!(
        out,
        "<tr data-level=\"{}\" data-search=\"{}\"><td><a href=\"plans/{}.html\">{}</a></td>\
         <td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        row.overall().as_str(),
        escape(&search),
        escape(&url_path(&row.name)),
        escape(&row.file),
        escape(child),
        escape(&row.status),
        row.errors,
        row.warnings,
        row.infos
    );
    for (rag, id) in row.rag.iter().zip(SectionId::STATUTORY) {
        let _ = write!(
            out,
            "<td class=\"rag rag-{0}\" data-value=\"{1}\" title=\"Section {id}: {0}\">{2}</td>",
            rag.as_str(),
            rag_rank(*rag),
            rag_letter(*rag)
        );
    }
    let _ = write!(
        out,
        "<td class=\"num\" data-value=\"{}\">{}</td><td>{}</td>",
        row.thread_gaps,
        if row.needs == 0 {
            "–".to_string()
        } else {
            format!("{} of {}", row.thread_gaps, row.needs)
        },
        escape(&row.top_rules())
    );
    if annotated {
        let _ = write!(
            out,
            "<td><a href=\"annotated/{}\">copy</a></td>",
            escape(&url_path(&annotated_name(row)))
        );
    }
    out.push_str("</tr>\n");
}

/// The annotated copy's path inside the report, under `annotated/`: the
/// plan's report name, which keeps its Word extension.
pub fn annotated_name(row: &PlanRow) -> String {
    let lower = row.name.to_ascii_lowercase();
    if [".docx", ".docm", ".dotx", ".dotm"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        row.name.clone()
    } else {
        format!("{}.docx", row.name)
    }
}

/// A report-relative name as a URL path (names are already safe; `%`-encode the rest).
fn url_path(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' | b'~' => {
                out.push(b as char);
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// A horizontal bar chart (inline SVG): in how many plans each rule fired.
pub fn rule_chart(rows: &[PlanRow]) -> String {
    let frequency = rule_frequency(rows);
    if frequency.is_empty() {
        return "<p>No rule fired in any plan.</p>\n".into();
    }
    let max = frequency[0].1.max(1);
    let bar_x = 260.0;
    let bar_w = 420.0;
    let line = 22.0;
    let height = line * frequency.len() as f64 + 8.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg id=\"rule-chart\" role=\"img\" aria-labelledby=\"rules-title\" width=\"760\" height=\"{height}\" \
         viewBox=\"0 0 760 {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (i, (rule, plans)) in frequency.iter().enumerate() {
        let y = i as f64 * line + 4.0;
        let w = (*plans as f64 / max as f64 * bar_w).max(1.0);
        let colour = match rule.split('/').next() {
            Some("thread") => "#8250df",
            Some("provision") => "#c62828",
            Some("outcome") => "#ef8f00",
            Some("structure") => "#0969da",
            Some("consistency") => "#1a7f37",
            _ => "#59636e",
        };
        let share = *plans as f64 * 100.0 / rows.len().max(1) as f64;
        let _ = writeln!(
            out,
            "<g><title>{}: {plans} of {} plans ({share:.0}%)</title>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{bar_x}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{colour}\" rx=\"2\"></rect>\
             <text x=\"{:.1}\" y=\"{}\">{plans}</text></g>",
            escape(rule),
            rows.len(),
            bar_x - 8.0,
            y + 14.0,
            escape(rule),
            line - 6.0,
            bar_x + w + 6.0,
            y + 14.0
        );
    }
    out.push_str("</svg>\n");
    out
}

/// One plan's page: counts and RAG, each finding with its paragraph and the
/// quoted span marked, and the thread map with the gaps.
pub fn plan_page(name: &str, report: &CheckReport, review: &Review) -> String {
    let depth = name.matches('/').count() + 1;
    let up = "../".repeat(depth);
    let base = name.rsplit('/').next().unwrap_or(name);
    let mut out = String::with_capacity(8192);
    let child = report
        .plan
        .child
        .name
        .as_deref()
        .unwrap_or("child not named");
    head(&mut out, &format!("{child}: {}", report.file), None);
    let _ = write!(
        out,
        "<p><a href=\"{up}index.html\">← caseload report</a> · <a href=\"{}.json\">JSON</a></p>\n\
         <h1>{}</h1>\n<p class=\"muted\">{} · {} plan{}</p>\n\
         <p class=\"notice\" role=\"note\"><strong>Personal data.</strong> {PERSONAL_DATA}</p>\n",
        escape(&url_path(base)),
        escape(child),
        escape(&report.file),
        escape(&report.plan.status),
        report
            .plan
            .plan_date
            .as_deref()
            .map(|d| format!(", dated {}", escape(d)))
            .unwrap_or_default()
    );
    let s = &report.summary;
    let _ = write!(
        out,
        "<section class=\"cards\"><div class=\"card\"><b style=\"color:var(--red)\">{}</b>errors</div>\
         <div class=\"card\"><b style=\"color:var(--amber)\">{}</b>warnings</div>\
         <div class=\"card\"><b>{}</b>info</div></section>\n<table class=\"heatmap\"><tr>",
        s.error, s.warning, s.info
    );
    for id in SectionId::STATUTORY {
        let _ = write!(out, "<th>{id}</th>");
    }
    out.push_str("</tr><tr>");
    for id in SectionId::STATUTORY {
        let rag = s.rag.get(id.as_str()).map_or("green", String::as_str);
        let rag = match rag {
            "red" => Rag::Red,
            "amber" => Rag::Amber,
            _ => Rag::Green,
        };
        let _ = write!(
            out,
            "<td class=\"rag rag-{}\" title=\"Section {id}\">{}</td>",
            rag.as_str(),
            rag_letter(rag)
        );
    }
    out.push_str("</tr></table>\n");

    let _ = writeln!(out, "<h2>Findings ({})</h2>", report.findings.len());
    if report.findings.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    }
    for finding in &report.findings {
        finding_block(&mut out, finding, review);
    }

    out.push_str("<h2>Golden thread</h2>\n");
    if report.thread.is_empty() {
        out.push_str("<p>No needs were read from this plan.</p>\n");
    } else {
        out.push_str(
            "<table id=\"thread\"><thead><tr><th>Need</th><th>Text</th><th>Outcomes</th>\
             <th>Provision</th><th>Aspirations</th><th>Missing</th></tr></thead><tbody>\n",
        );
        for entry in &report.thread {
            let list = |ids: &[String]| {
                if ids.is_empty() {
                    "<span class=\"gaps\">none</span>".to_string()
                } else {
                    escape(&ids.join(", "))
                }
            };
            let _ = writeln!(
                out,
                "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"gaps\">{}</td></tr>",
                if entry.gaps.is_empty() {
                    ""
                } else {
                    " class=\"gap\""
                },
                escape(&entry.need),
                escape(&entry.text),
                list(&entry.outcomes),
                list(&entry.provision),
                escape(&entry.aspirations.join(", ")),
                escape(&entry.gaps.join(", "))
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn finding_block(out: &mut String, finding: &FindingJson, review: &Review) {
    let mut place = Vec::new();
    if let Some(section) = &finding.section {
        place.push(format!("section {}", escape(section)));
    }
    if let Some(p) = finding.paragraph {
        place.push(format!("paragraph {p}"));
    }
    if let Some(item) = &finding.item {
        place.push(format!("item {}", escape(item)));
    }
    let _ = write!(
        out,
        "<article class=\"finding\"><div><span class=\"badge sev-{0}\">{0}</span> <code>{1}</code> \
         <span class=\"where\">{2}</span></div>\n<p>{3}</p>\n",
        escape(&finding.severity),
        escape(&finding.rule),
        place.join(" · "),
        escape(&finding.message)
    );
    let paragraph = finding
        .paragraph
        .and_then(|p| review.document.paragraphs.get(p))
        .map(|p| p.text.as_str());
    match (paragraph, finding.start, finding.end) {
        (Some(text), Some(start), Some(end)) => {
            let a = byte_offset(text, start);
            let b = byte_offset(text, end).max(a);
            let _ = writeln!(
                out,
                "<div class=\"context\">{}<mark>{}</mark>{}</div>",
                escape(&text[..a]),
                escape(&text[a..b]),
                escape(&text[b..])
            );
        }
        _ if !finding.quote.is_empty() => {
            let _ = writeln!(
                out,
                "<div class=\"context\"><mark>{}</mark></div>",
                escape(&finding.quote)
            );
        }
        _ => {}
    }
    if !finding.help.is_empty() {
        let _ = writeln!(
            out,
            "<p><strong>Fix:</strong> {}</p>",
            escape(&finding.help)
        );
    }
    if let Some(reference) = &finding.reference {
        let _ = writeln!(out, "<p class=\"muted\">See {}</p>", escape(reference));
    }
    out.push_str("</article>\n");
}

/// Standard base64 (RFC 4648, with padding), for the script's CSP hash.
mod base64_lite {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn encodes_like_rfc_4648() {
            assert_eq!(super::encode(b""), "");
            assert_eq!(super::encode(b"f"), "Zg==");
            assert_eq!(super::encode(b"fo"), "Zm8=");
            assert_eq!(super::encode(b"foo"), "Zm9v");
            assert_eq!(super::encode(b"foobar"), "Zm9vYmFy");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(file: &str, child: &str) -> PlanRow {
        PlanRow {
            file: file.into(),
            name: file.trim_end_matches(".docx").into(),
            child: Some(child.into()),
            status: "draft".into(),
            errors: 1,
            warnings: 0,
            infos: 0,
            rag: [Rag::Green; 12],
            rules: vec![("provision/vague-wording".into(), 1)],
            needs: 2,
            thread_gaps: 1,
        }
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("<img src=x onerror=\"alert('1')\">"),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;"
        );
        assert_eq!(escape("a & b\u{0}"), "a &amp; b\u{FFFD}");
    }

    #[test]
    fn index_escapes_plan_text_and_allows_only_its_own_script() {
        let hostile = "<script>alert(1)</script>";
        let rows = vec![row("<img src=x onerror=alert(1)>.docx", hostile)];
        let failures = vec![FailureRow {
            file: "\"><script>alert(2)</script>.docx".into(),
            reason: "<b>bad</b>".into(),
        }];
        let html = index_page(&IndexPage {
            source: "plans/",
            generated: "2026-11-27T09:00:00Z",
            rows: &rows,
            failures: &failures,
            annotated: true,
        });
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img src=x"));
        assert!(!html.contains("<b>bad"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert_eq!(html.matches("<script>").count(), 1);
        let hash = base64(&Sha256::digest(INDEX_SCRIPT.as_bytes()));
        assert!(html.contains(&format!("script-src 'sha256-{hash}'")));
        assert!(html.contains("default-src 'none'"));
        assert!(!html.contains("http://") || !html.contains("src=\"http"));
        assert!(!html.contains("https://"));
    }

    #[test]
    fn heat_map_has_one_row_per_plan_and_a_cell_per_section() {
        let rows: Vec<PlanRow> = (0..5).map(|i| row(&format!("p{i}.docx"), "Sam")).collect();
        let html = index_page(&IndexPage {
            source: "x",
            generated: "t",
            rows: &rows,
            failures: &[],
            annotated: false,
        });
        assert_eq!(html.matches("<tr data-level=").count(), 5);
        assert_eq!(html.matches("class=\"rag rag-").count(), 5 * 12);
    }

    #[test]
    fn url_paths_are_encoded() {
        assert_eq!(url_path("a b/c#d"), "a%20b/c%23d");
    }
}
