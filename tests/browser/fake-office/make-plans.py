"""Builds the fictional plans the add-in's browser tests use (python-docx).

    python3 make-plans.py OUT_DIR

- plan-few.docx: a short plan, sections A-K, a few weak phrases, a
  provision table, a tab and a caret in the text, one long paragraph.
- plan-many.docx: the same plan with many more provision lines (many findings).
- plan-hostile.docx: names, headings and provision holding markup and script
  (`<img src=x onerror=...>`, `<script>`): the pane must show them as text.
Everything is invented; no real child.
"""
import sys
from pathlib import Path

from docx import Document


def plan(path, child, extra_provision=0, hostile=False):
    d = Document()
    d.add_heading("Education, Health and Care Plan", 0)
    d.add_paragraph(f"Name: {child}")
    d.add_paragraph("Date of birth: 14/03/2015")
    d.add_heading("Section A: The views, interests and aspirations of the child", 1)
    d.add_paragraph(f"{child.split()[0]} likes drawing, trains and swimming.")
    d.add_paragraph("Aspiration: to work with animals when grown up.")
    d.add_heading("Section B: Special educational needs", 1)
    d.add_paragraph("B1. Communication and interaction: difficulty following spoken instructions of more than two steps.")
    d.add_paragraph("B2. Cognition and learning: reading age 2 years below chronological age.")
    d.add_heading("Section C: Health needs", 1)
    d.add_paragraph("No health needs have been identified.")
    d.add_heading("Section D: Social care needs", 1)
    d.add_paragraph("No social care needs have been identified.")
    d.add_heading("Section E: Outcomes", 1)
    d.add_paragraph("E1. By July 2026, will follow three-step instructions in class without adult prompting.")
    d.add_paragraph("E2. By July 2026, will read aloud a book at level 12 with 90% accuracy.")
    d.add_heading("Section F: Special educational provision", 1)
    d.add_paragraph("F1. Access to speech and language therapy as required.")
    d.add_paragraph("F2. Small group reading intervention,\t3 x 30 minutes per week, delivered by a trained teaching assistant; opportunities to read aloud ^ daily.")
    d.add_paragraph(
        "F3. Long provision paragraph: "
        + "the class teacher will adapt written tasks with visual supports, pre-teaching of vocabulary and chunked instructions, "
        * 3
        + "with access to a quiet work station."
    )
    table = d.add_table(rows=1, cols=3)
    hdr = table.rows[0].cells
    hdr[0].text, hdr[1].text, hdr[2].text = "Provision", "Who", "How often"
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "Access to a social skills group", "SENCo", "weekly"
    for i in range(extra_provision):
        d.add_paragraph(f"F{4 + i}. Opportunities to practise skill {i + 1} with access to support as required.")
    if hostile:
        d.add_paragraph("<script>window.__pwned = 'script';</script> access to <img src=x onerror=\"window.__pwned='img'\"> daily")
    d.add_heading("Section G: Health provision", 1)
    d.add_paragraph("None.")
    d.add_heading("Section H1: Social care provision under section 2 of the CSDPA 1970", 1)
    d.add_paragraph("None.")
    d.add_heading("Section H2: Any other social care provision", 1)
    d.add_paragraph("None.")
    d.add_heading("Section I: Placement", 1)
    d.add_paragraph("Greenfield Primary School (mainstream).")
    d.add_heading("Section J: Personal budget", 1)
    d.add_paragraph("No personal budget has been requested.")
    d.save(path)


def flat_opc(docx_path, out_path):
    """The package as one XML document, the form Word's body.getOoxml() returns."""
    import base64
    import zipfile
    from xml.sax.saxutils import escape

    parts = []
    with zipfile.ZipFile(docx_path) as z:
        types = z.read("[Content_Types].xml").decode("utf-8")
        for info in z.infolist():
            name = info.filename
            if name == "[Content_Types].xml" or name.endswith("/"):
                continue
            data = z.read(name)
            ext = name.rsplit(".", 1)[-1]
            ctype = content_type(types, "/" + name, ext)
            if name.endswith(".xml") or name.endswith(".rels"):
                body = data.decode("utf-8")
                if body.startswith("<?xml"):
                    body = body[body.index("?>") + 2 :]
                extra = ' pkg:padding="256"' if name.endswith(".rels") else ""
                parts.append(
                    f'<pkg:part pkg:name="/{escape(name)}" pkg:contentType="{ctype}"{extra}><pkg:xmlData>{body}</pkg:xmlData></pkg:part>'
                )
            else:
                b64 = base64.b64encode(data).decode("ascii")
                parts.append(
                    f'<pkg:part pkg:name="/{escape(name)}" pkg:contentType="{ctype}" pkg:compression="store"><pkg:binaryData>{b64}</pkg:binaryData></pkg:part>'
                )
    xml = (
        '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
        '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
        + "".join(parts)
        + "</pkg:package>"
    )
    Path(out_path).write_text(xml, encoding="utf-8")


def content_type(types_xml, part, ext):
    import re

    m = re.search(r'<Override[^>]*PartName="' + re.escape(part) + r'"[^>]*ContentType="([^"]+)"', types_xml)
    if m:
        return m.group(1)
    m = re.search(r'<Override[^>]*ContentType="([^"]+)"[^>]*PartName="' + re.escape(part) + r'"', types_xml)
    if m:
        return m.group(1)
    m = re.search(r'<Default[^>]*Extension="' + re.escape(ext) + r'"[^>]*ContentType="([^"]+)"', types_xml)
    return m.group(1) if m else "application/octet-stream"


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    plan(out / "plan-few.docx", "Ada Lovelace")
    plan(out / "plan-many.docx", "Ada Lovelace", extra_provision=40)
    plan(out / "plan-hostile.docx", "<img src=x onerror=\"window.__pwned='name'\"> Test", hostile=True)
    flat_opc(out / "plan-few.docx", out / "plan-few.xml")


if __name__ == "__main__":
    main()
