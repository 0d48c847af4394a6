"""Reads every .docx in a folder with python-docx: all paragraphs and all table cells (the baseline)."""
import sys
from pathlib import Path

import docx


def cells(table):
    for row in table.rows:
        for cell in row.cells:
            yield cell.text
            for inner in cell.tables:
                yield from cells(inner)


chars = 0
for path in sorted(Path(sys.argv[1]).glob("*.docx")):
    document = docx.Document(str(path))
    chars += sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        chars += sum(len(t) for t in cells(table))
print(chars)
