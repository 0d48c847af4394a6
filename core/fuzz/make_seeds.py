#!/usr/bin/env python3
"""Builds a small seed corpus for the `read` fuzz target (never committed).

Deflated zips resist byte mutations (the mutated stream rarely inflates), so
besides a few real files the seeds include a *stored* (uncompressed) copy and
a flat OPC (XML) form, where mutations reach the XML readers directly.
"""
import os
import shutil
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))


def find_shared():
    """EHCP_SHARED, else the first `shared/` beside a folder above this one
    (the repository sits beside `shared/` in a checkout and in CI)."""
    if os.environ.get("EHCP_SHARED"):
        return os.environ["EHCP_SHARED"]
    folder = here
    while True:
        candidate = os.path.join(folder, "shared")
        if os.path.isdir(os.path.join(candidate, "corpus", "wild")):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return os.path.join(here, "../../../shared")
        folder = parent


wild = find_shared() + "/corpus/wild"
out = os.path.join(here, "corpus/read")
os.makedirs(out, exist_ok=True)
for name in ["docx-rs/hello.docx", "docx-rs/bom.docx", "mammoth/tables.docx", "docx2python/strict.docx",
             "docx2python/example_numbering.docx", "pandoc-gpl/nested_instrText.docx"]:
    path = os.path.join(wild, name)
    if os.path.exists(path):
        shutil.copy(path, os.path.join(out, os.path.basename(name)))
        os.chmod(os.path.join(out, os.path.basename(name)), 0o644)

src_path = os.path.join(wild, "docx2python/example_numbering.docx")
if not os.path.exists(src_path):
    sys.exit(f"corpus not found at {wild}; set EHCP_SHARED")
src = zipfile.ZipFile(src_path)
with zipfile.ZipFile(os.path.join(out, "stored.docx"), "w", zipfile.ZIP_STORED) as stored:
    for n in src.namelist():
        stored.writestr(n, src.read(n))


def body(part):
    text = src.read(part).decode("utf-8-sig")
    return text[text.index("?>") + 2:] if text.startswith("<?xml") else text


parts = [("/_rels/.rels", "application/vnd.openxmlformats-package.relationships+xml"),
         ("/word/_rels/document.xml.rels", "application/vnd.openxmlformats-package.relationships+xml"),
         ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
         ("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"),
         ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")]
flat = ['<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>'
        '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">']
for name, ct in parts:
    flat.append(f'<pkg:part pkg:name="{name}" pkg:contentType="{ct}"><pkg:xmlData>{body(name[1:])}</pkg:xmlData></pkg:part>')
flat.append("</pkg:package>")
with open(os.path.join(out, "flat.xml"), "w", encoding="utf-8") as f:
    f.write("".join(flat))
print(f"seeds in {out}: {sorted(os.listdir(out))}")

# The `zip` target starts from the same zips (the flat OPC form is not one).
zip_out = os.path.join(here, "corpus/zip")
os.makedirs(zip_out, exist_ok=True)
for name in os.listdir(out):
    if name.endswith(".docx"):
        shutil.copy(os.path.join(out, name), os.path.join(zip_out, name))
print(f"seeds in {zip_out}: {sorted(os.listdir(zip_out))}")
