"""Extraction step: the LKjIP's list of audit findings with losses (`printed/audit_findings.csv`).

Bab III of an LKjIP may list the findings of the examiners (BPK-RI, the provincial and the
city Inspektorat) that caused a loss to the state or region: per examiner, the agencies with
a finding and the loss in rupiah. The list is found by its caption ('Daftar Temuan ...') and
column header (a line naming 'Pemeriksa' and a line ending '(Rp)') inside an LKjIP document.

Its body is a run of numbered entries: an examiner ('1. BPK RI Perwakilan / Provsu Tahun /
2017'), then its agencies ('1. Dinas PU dan PR 1.035.558.539,00'), each numbered from 1. An
entry that holds a rupiah figure is an agency row; one without is the examiner heading over the
rows that follow. A report reference printed in the agency cell ('LHP No. ...') is kept apart
from the agency's name. The list ends at the first line of prose. One printed row per agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from binjai_analysis.data.extract import Extracted, Step, printed_columns
from binjai_analysis.data.parsing import normalise_whitespace, parse_figure
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

TABLE = "audit_findings"
COLUMNS = printed_columns(TABLE)
MEASURE = "kerugian"
STYLE = "id"
"""The list prints rupiah in the Indonesian style (1.234.567,00)."""
CAPTION = re.compile(r"^\s*Daftar\s+Temuan\b", re.IGNORECASE)
HEADER_FIRST = re.compile(r"\bPemeriksa\b", re.IGNORECASE)
HEADER_LAST = re.compile(r"\(Rp\)\s*$")
HEADER_DISTANCE = 15
"""The column header must start within this many lines of the caption."""
ENTRY = re.compile(r"^(?P<no>\d{1,2})\.(?!\d)\s*(?P<text>.*)$")
"""A numbered entry ('1. Dinas PU dan PR', '1.'); never a figure ('89.055.000,00')."""
FIGURE = re.compile(r"(?P<figure>\d[\d.,]*,\d{2})$")
"""A rupiah figure ends the line and ends with two decimals ('6.128.200,00')."""
REFERENCE = re.compile(r"\bLHP\b")
"""A report reference (Laporan Hasil Pemeriksaan) printed in the agency cell."""
EXAMINER_YEAR = re.compile(r"\s*\bTahun\s+(?P<year>\d{4})\s*$")
PROSE_WORDS = 6
"""A line of this many words without a figure is prose: the list has ended."""


@dataclass
class Entry:
    """One numbered entry of the list: its printed number, lines and figure (if any)."""

    number: str
    line: int
    pieces: list[str] = field(default_factory=list)
    figure: str = ""
    figure_line: int = 0

    @property
    def text(self) -> str:
        return normalise_whitespace(" ".join(self.pieces))


def find_body(lines: tuple[str, ...], first: int, last: int) -> tuple[str, int, int]:
    """The caption's label and the body's first and last line (1-based) in `first..last`."""
    found = []
    for number in range(first, last + 1):
        if not CAPTION.match(lines[number - 1]):
            continue
        start = next(
            (
                n
                for n in range(number + 1, min(number + HEADER_DISTANCE, last) + 1)
                if HEADER_FIRST.search(lines[n - 1])
            ),
            None,
        )
        end = next(
            (
                n
                for n in range(start or number, min(number + HEADER_DISTANCE, last) + 1)
                if HEADER_LAST.search(lines[n - 1])
            ),
            None,
        )
        if start is not None and end is not None:
            label = normalise_whitespace(CAPTION.match(lines[number - 1]).group(0))
            found.append((label, end + 1, _body_end(lines, end + 1, last)))
    if len(found) != 1:
        raise DataError(f"The list of audit findings is found {len(found)} times, not once")
    return found[0]


def _body_end(lines: tuple[str, ...], start: int, last: int) -> int:
    """The last line of the body: the line before the first line of prose."""
    end = start
    for number in range(start, last + 1):
        text = normalise_whitespace(lines[number - 1])
        if not text:
            continue
        if len(text.split()) >= PROSE_WORDS and not FIGURE.search(text):
            break
        end = number
    return end


def read_entries(lines: tuple[str, ...], start: int, end: int) -> list[Entry]:
    """The numbered entries of the body, each with its lines and its figure, in print order."""
    entries: list[Entry] = []
    for number in range(start, end + 1):
        text = normalise_whitespace(lines[number - 1])
        if not text:
            continue
        entry = ENTRY.match(text)
        if entry is not None:
            entries.append(Entry(entry["no"], number))
            text = entry["text"]
        if not entries:
            raise DataError(f"Line {number}: the list of audit findings starts without a number")
        figure = FIGURE.search(text)
        if figure is not None:
            entries[-1].figure, entries[-1].figure_line = figure["figure"], number
            text = text[: figure.start()].strip()
        if text:
            entries[-1].pieces.append(text)
    return entries


def split_reference(text: str) -> tuple[str, str]:
    """An agency cell's name and the report reference printed after it (or '').

    Examples:
        >>> split_reference("Kecamatan Binjai Kota LHP No.Itko 096/LHP/2017 tanggal 10 Juli 2017.")
        ('Kecamatan Binjai Kota', 'LHP No.Itko 096/LHP/2017 tanggal 10 Juli 2017')
    """
    match = REFERENCE.search(text)
    if match is None:
        return text.rstrip("."), ""
    return text[: match.start()].strip().rstrip("."), text[match.start() :].strip().rstrip(".")


def split_examiner(text: str) -> tuple[str, int | None]:
    """An examiner heading's name and the year printed with it ('... Tahun 2017'), if any.

    Examples:
        >>> split_examiner("BPK RI Perwakilan Provsu Tahun 2017")
        ('BPK RI Perwakilan Provsu', 2017)
        >>> split_examiner("Inspektorat Kota Binjai")
        ('Inspektorat Kota Binjai', None)
    """
    match = EXAMINER_YEAR.search(text)
    if match is None:
        return text, None
    return text[: match.start()].strip(), int(match["year"])


def grouping_note(raw: str) -> str:
    """What is irregular in a figure's separators, beside the parser's note ('' if nothing).

    Examples:
        >>> grouping_note("569.746.00,00")
        "printed with a two-digit group '00'"
        >>> grouping_note("33.194,026,00")
        "',' printed inside the number and as the decimal mark"
        >>> grouping_note("1.035.558.539,00")
        ''
    """
    whole = raw.rpartition(",")[0]
    if "," in whole:
        return "',' printed inside the number and as the decimal mark"
    groups = whole.split(".")[1:]
    odd = [group for group in groups if len(group) != 3]
    if not odd:
        return ""
    words = {1: "one", 2: "two", 4: "four", 5: "five"}
    return f"printed with a {words.get(len(odd[0]), str(len(odd[0])))}-digit group '{odd[0]}'"


def figure_note(raw: str) -> str:
    """The parse_note of a figure: the parser's note and what is irregular, as a sentence."""
    parser = parse_figure(raw, STYLE).note
    parts = [part for part in (parser, grouping_note(raw) if parser else "") if part]
    if not parts:
        return ""
    text = "; ".join(parts)
    return f"{text[0].upper()}{text[1:]}; value kept as read."


def number_note(entry: Entry, previous: Entry | None) -> str:
    """A note when an agency's printed number repeats the previous agency's of its examiner."""
    if previous is None or previous.number != entry.number:
        return ""
    return (
        f"Printed number '{entry.number}.' repeats the previous row's (line {previous.line}); "
        "kept as printed."
    )


def records(label: str, entries: list[Entry], year: int) -> list[dict[str, object]]:
    """One record per agency entry, under the examiner heading before it."""
    rows: list[dict[str, object]] = []
    examiner: Entry | None = None
    previous: Entry | None = None
    for entry in entries:
        if not entry.figure:
            examiner, previous = entry, None
            continue
        if examiner is None:
            raise DataError(f"Line {entry.line}: an agency row before any examiner")
        name, audit_year = split_examiner(examiner.text)
        agency, reference = split_reference(entry.text)
        notes = [number_note(entry, previous), figure_note(entry.figure)]
        rows.append(
            {
                "row_seq": len(rows) + 1,
                "examiner_no": examiner.number,
                "examiner": name,
                "audit_year": audit_year,
                "printed_no": entry.number,
                "agency": agency,
                "reference": reference,
                "year": year,
                "measure": MEASURE,
                "source_table": label,
                "source_line": entry.figure_line,
                "raw": entry.figure,
                "number_style": STYLE,
                "value": parse_figure(entry.figure, STYLE).value,
                "parse_note": " ".join(note for note in notes if note),
            }
        )
        previous = entry
    return rows


def run(source: Source) -> Extracted:
    """Regenerate `audit_findings` from the source's LKjIP documents."""
    rows: list[dict[str, object]] = []
    found = 0
    for document in source.origin.documents:
        if document.kind != "LKjIP" or document.lines is None:
            continue
        try:
            label, start, end = find_body(source.lines, *document.lines)
        except DataError:
            continue
        found += 1
        rows += records(label, read_entries(source.lines, start, end), document.year)
    if not found:
        raise DataError(f"Source {source.id}: no list of audit findings ('Daftar Temuan')")
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["audit_year"] = frame["audit_year"].astype("Int64")
    return Extracted(frame, pd.Series(False, index=frame.index, dtype=bool))


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Reads the LKjIP's 'Daftar Temuan' list (found by its caption and column header): per "
        "examiner, the agencies with a finding that caused a loss and the loss in rupiah."
    ),
)
