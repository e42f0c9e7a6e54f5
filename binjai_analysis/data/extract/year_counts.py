"""Extraction step: the small 'Tahun / Jumlah' tables of the narrative (`printed/year_counts.csv`).

The narrative of an LKjIP's Bab III may print, between its paragraphs, small untitled tables of
a count by year: a subject line ('Angka Kematian Bayi'), the header 'Tahun Jumlah', then one
line per year ('2017 0 orang'). The step finds every such header inside an LKjIP document: the
subject is the non-blank line before it, the rows are the lines after it that print a year,
a figure and a unit, up to the first line that does not.
"""

from __future__ import annotations

import re

import pandas as pd

from binjai_analysis.data.extract import Extracted, Step, printed_columns
from binjai_analysis.data.parsing import normalise_whitespace, parse_figure
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

TABLE = "year_counts"
COLUMNS = printed_columns(TABLE)
STYLE = "id"
"""The narrative prints Indonesian figures (270.926 people)."""
SOURCE_TABLE = "Bab III"
HEADER = re.compile(r"^\s*Tahun\s+Jumlah\s*$", re.IGNORECASE)
ROW = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s+(?P<figure>\d[\d.,]*)\s+(?P<unit>\D\S*)\s*$")
"""A row: the year, the count and its unit ('2018 270.926 orang')."""
AMBIGUOUS = re.compile(r"^\d{1,3}\.\d{3}$")
"""One '.' before three digits: thousands (Indonesian) or a decimal mark (US)."""
SUBJECT_DISTANCE = 4
"""The subject line must be within this many lines before the header."""
SPLIT_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])")
"""Where the text layer ran two words together ('GiziBuruk', 'RumahSakit')."""


def subject_of(lines: tuple[str, ...], header: int) -> tuple[str, str]:
    """The subject printed before the header line (1-based), and a note if its words were
    printed run together."""
    for number in range(header - 1, max(header - SUBJECT_DISTANCE, 1) - 1, -1):
        text = normalise_whitespace(lines[number - 1])
        if text:
            spaced = SPLIT_WORDS.sub(" ", text)
            note = f"Subject printed '{text}' (words run together)." if spaced != text else ""
            return spaced, note
    raise DataError(f"Line {header}: a 'Tahun Jumlah' table without a subject before it")


def table_rows(lines: tuple[str, ...], header: int, last: int) -> list[tuple[int, re.Match[str]]]:
    """The rows after the header line, up to the first non-blank line that is no row."""
    rows = []
    for number in range(header + 1, last + 1):
        text = lines[number - 1]
        if not text.strip():
            continue
        row = ROW.match(text)
        if row is None:
            break
        rows.append((number, row))
    return rows


def records(source: Source, first: int, last: int) -> list[dict[str, object]]:
    """Every row of every 'Tahun Jumlah' table in lines `first..last`."""
    found = []
    for header in range(first, last + 1):
        if not HEADER.match(source.lines[header - 1]):
            continue
        subject, note = subject_of(source.lines, header)
        for number, row in table_rows(source.lines, header, last):
            parsed = parse_figure(row["figure"], STYLE)
            notes = [note, parsed.note[:1].upper() + parsed.note[1:] if parsed.note else ""]
            if AMBIGUOUS.match(row["figure"]):
                notes.append(
                    f"'{row['figure']}' read with '.' as the thousands separator (a count, "
                    "in the narrative's Indonesian style)."
                )
            found.append(
                {
                    "subject": subject,
                    "year": int(row["year"]),
                    "unit": row["unit"],
                    "source_table": SOURCE_TABLE,
                    "source_line": number,
                    "raw": row["figure"],
                    "number_style": STYLE,
                    "value": parsed.value,
                    "parse_note": " ".join(n for n in notes if n),
                }
            )
    return found


def run(source: Source) -> Extracted:
    """Regenerate `year_counts` from the source's LKjIP documents."""
    rows = []
    for document in source.origin.documents:
        if document.kind == "LKjIP" and document.lines is not None:
            rows += records(source, *document.lines)
    if not rows:
        raise DataError(f"Source {source.id}: no 'Tahun Jumlah' table in its LKjIP text")
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return Extracted(frame, pd.Series(False, index=frame.index, dtype=bool))


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Reads the narrative's small 'Tahun / Jumlah' tables (a subject line, the header, one "
        "line per year with a count and its unit)."
    ),
)
