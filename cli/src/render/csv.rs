//! `summary.csv` and `failures.csv`. Cells that a spreadsheet would take as
//! a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
//! are prefixed with `'`, so a plan's text can never run in Excel.

use ehcp_core::plan::SectionId;

use crate::report::{FailureRow, PlanRow};

/// A text cell made inert for spreadsheets.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// One row per plan: file, child, status, counts, one RAG column per
/// statutory section, needs, thread gaps and the most frequent rules.
pub fn summary(rows: &[PlanRow]) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["file", "child", "status", "errors", "warnings", "infos"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    header.extend(SectionId::STATUTORY.iter().map(|id| id.as_str().to_owned()));
    header.extend(["needs", "thread_gaps", "top_rules", "report"].map(String::from));
    writer.write_record(&header)?;
    for row in rows {
        let mut record = vec![
            neutralise(&row.file),
            neutralise(row.child.as_deref().unwrap_or("")),
            neutralise(&row.status),
            row.errors.to_string(),
            row.warnings.to_string(),
            row.infos.to_string(),
        ];
        record.extend(row.rag.iter().map(|r| r.as_str().to_owned()));
        record.push(row.needs.to_string());
        record.push(row.thread_gaps.to_string());
        record.push(neutralise(&row.top_rules()));
        record.push(neutralise(&format!("plans/{}.json", row.name)));
        writer.write_record(&record)?;
    }
    Ok(writer.into_inner()?)
}

/// One row per file that could not be read: file, reason.
pub fn failures(rows: &[FailureRow]) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["file", "reason"])?;
    for row in rows {
        writer.write_record([neutralise(&row.file), neutralise(&row.reason)])?;
    }
    Ok(writer.into_inner()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ehcp_core::review::Rag;

    #[test]
    fn formula_cells_are_neutralised() {
        for hostile in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"));
        }
        assert_eq!(neutralise("Claire Smith"), "Claire Smith");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn summary_has_a_column_per_section_and_neutralised_text() {
        let row = PlanRow {
            file: "=cmd|' /C calc'!A0.docx".into(),
            name: "_cmd_C_calc_A0".into(),
            child: Some("@Sam, \"Jr\"".into()),
            status: "final".into(),
            errors: 2,
            warnings: 1,
            infos: 0,
            rag: [Rag::Red; 12],
            rules: vec![("provision/vague-wording".into(), 2)],
            needs: 3,
            thread_gaps: 1,
        };
        let bytes = summary(&[row]).unwrap();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let header = reader.headers().unwrap().clone();
        assert_eq!(header.len(), 6 + 12 + 4);
        assert_eq!(&header[6], "A");
        assert_eq!(&header[13], "H1");
        assert_eq!(&header[14], "H2");
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[0], "'=cmd|' /C calc'!A0.docx");
        assert_eq!(&record[1], "'@Sam, \"Jr\"");
        assert_eq!(&record[3], "2");
        assert_eq!(&record[6], "red");
        assert_eq!(&record[20], "provision/vague-wording ×2");
    }

    #[test]
    fn failures_list_file_and_reason() {
        let bytes = failures(&[FailureRow {
            file: "-old.doc".into(),
            reason: "this is a Word 97-2003 document (.doc)".into(),
        }])
        .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "file,reason\n'-old.doc,this is a Word 97-2003 document (.doc)\n"
        );
    }
}
