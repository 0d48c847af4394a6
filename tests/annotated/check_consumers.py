#!/usr/bin/env python3
"""Checks that real consumers open annotated documents and see the tool's comments.

Usage: check_consumers.py DIR

DIR holds annotated .docx files and manifest.json:
    {"file.docx": {"author": "EHCP Golden Thread",
                   "comments": [{"id": 3, "rule": "provision/vague-wording",
                                 "message": "...", "quote": "...",
                                 "field": false}]}}

("field": the quoted paragraph holds a field; the writer widens a quote
reaching into a field result to the whole field, so the anchored text may
be longer or, where LibreOffice shows the field differently, shorter.)

For every file:
- python-docx opens it and `document.comments` lists exactly the expected
  tool comments (id, author, initials, message and the `[rule]` tag);
- LibreOffice (headless) converts it to .odt, and content.xml holds one
  `office:annotation` by the tool's author per expected comment, anchored on
  exactly the quoted text.

Exit status 0 when everything holds, 1 with one line per problem otherwise,
2 when python-docx or LibreOffice is missing.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"


def norm(s):
    return " ".join(s.split())


def check_python_docx(path, expected, author, problems):
    try:
        import docx  # noqa: PLC0415
    except ImportError:
        print("python-docx is not installed (pip install python-docx)", file=sys.stderr)
        sys.exit(2)
    name = os.path.basename(path)
    try:
        document = docx.Document(path)
        comments = list(document.comments)
    except Exception as e:  # noqa: BLE001 — any failure to open is the finding
        problems.append(f"{name}: python-docx cannot read it: {e}")
        return
    tool = {c.comment_id: c for c in comments if c.author == author}
    if len(tool) != len(expected):
        problems.append(f"{name}: python-docx sees {len(tool)} tool comments, expected {len(expected)}")
    for e in expected:
        c = tool.get(e["id"])
        if c is None:
            problems.append(f"{name}: python-docx has no comment {e['id']}")
            continue
        if c.initials != "GT":
            problems.append(f"{name}: comment {e['id']} has initials {c.initials!r}")
        if f"[{e['rule']}]" not in c.text or norm(e["message"]) not in norm(c.text):
            problems.append(f"{name}: comment {e['id']} reads {c.text!r}")


def annotations(content_xml, author):
    """(anchored text, comment text) of every annotation by `author`, in order."""
    root = ET.fromstring(content_xml)
    body = root.find(f"{{{OFFICE}}}body")
    open_ranges = {}  # name -> index into found
    found = []

    def add_text(s):
        for i in open_ranges.values():
            found[i][0].append(s)

    def walk(el):
        tag = el.tag
        if tag == f"{{{OFFICE}}}annotation":
            creator = el.find(f"{{{DC}}}creator")
            who = creator.text if creator is not None else ""
            body_text = " ".join(
                "".join(p.itertext()) for p in el.iter(f"{{{TEXT}}}p")
            )
            if who == author:
                found.append(([], body_text, el.get(f"{{{OFFICE}}}name")))
                name = el.get(f"{{{OFFICE}}}name")
                if name:
                    open_ranges[name] = len(found) - 1
            if el.tail:
                add_text(el.tail)
            return
        if tag == f"{{{OFFICE}}}annotation-end":
            open_ranges.pop(el.get(f"{{{OFFICE}}}name"), None)
            if el.tail:
                add_text(el.tail)
            return
        if tag.startswith(f"{{{DRAW}}}"):
            # Text boxes and frames anchored in the range are not its text.
            if el.tail:
                add_text(el.tail)
            return
        if tag == f"{{{TEXT}}}s":
            add_text(" " * int(el.get(f"{{{TEXT}}}c", "1")))
        elif tag in (f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"):
            add_text(" ")
        elif el.text:
            add_text(el.text)
        for child in el:
            walk(child)
        if tag == f"{{{TEXT}}}p" or tag == f"{{{TEXT}}}h":
            add_text("\n")
        if el.tail:
            add_text(el.tail)

    walk(body)
    return [("".join(t), c) for t, c, _ in found]


def check_libreoffice(paths, manifest, author, problems):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        sys.exit(2)
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            out,
            *paths,
        ]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        for path in paths:
            name = os.path.basename(path)
            odt = os.path.join(out, os.path.splitext(name)[0] + ".odt")
            if not os.path.exists(odt):
                problems.append(f"{name}: LibreOffice did not convert it: {result.stderr.strip()[:200]}")
                continue
            with zipfile.ZipFile(odt) as z:
                content = z.read("content.xml")
            found = annotations(content, author)
            expected = manifest[name]["comments"]
            if len(found) != len(expected):
                problems.append(f"{name}: LibreOffice shows {len(found)} tool comments, expected {len(expected)}")
                continue
            # A quote reaching into a field is widened to the whole field:
            # there the anchored text and the quote need only overlap.
            fields = {norm(e["quote"]) for e in expected if e.get("field")}
            rest = [norm(q) for q, _ in found]
            missing = []
            for e in expected:
                w = norm(e["quote"])
                if w in rest:
                    rest.remove(w)
                    continue
                if w in fields:
                    q = next((q for q in rest if q and (w in q or q in w)), None)
                    if q is not None:
                        rest.remove(q)
                        continue
                missing.append(w)
            if missing or rest:
                problems.append(f"{name}: LibreOffice anchors differ: missing {missing[:3]}, unexpected {rest[:3]}")
            for _, text in found:
                if "[" not in text:
                    problems.append(f"{name}: a LibreOffice comment lacks its rule tag: {text[:80]!r}")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = sys.argv[1]
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    paths = []
    for name, entry in sorted(manifest.items()):
        path = os.path.join(folder, name)
        paths.append(path)
        # python-docx opens documents only, not templates or macro-enabled files.
        if name.lower().endswith(".docx"):
            check_python_docx(path, entry["comments"], entry["author"], problems)
    authors = {entry["author"] for entry in manifest.values()}
    check_libreoffice(paths, manifest, authors.pop() if len(authors) == 1 else "EHCP Golden Thread", problems)
    for p in problems:
        print(p)
    print(f"{len(paths)} documents checked with python-docx and LibreOffice, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
