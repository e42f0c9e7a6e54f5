"""The PK's program budget table: one row per program with its anggaran (budget) figure.

The table is found by its column header (No / Program / Anggaran [/ Ket]) inside the PK
document and read up to its printed Jumlah row (a total, kept in budget_totals, not here).
Each row is a printed number, the program name (which may wrap over lines) and a figure
('Rp' optional); the header repeats on every page, with a running header between pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from binjai_analysis.data.extract import Extracted, Step, hints, printed_columns
from binjai_analysis.data.extract._pk import (
    BUDGET_HEADER,
    Entry,
    apply_hints,
    budget_header_length,
    entries,
    furniture_length,
    pk_document,
    source_table,
)
from binjai_analysis.data.parsing import parse_figure
from binjai_analysis.data.sources import Document, Source
from binjai_analysis.errors import DataError

TABLE = "pk_budget"
MEASURE = "anggaran"
COLUMNS = printed_columns(TABLE)
TOTAL = re.compile(r"^Jumlah\b", re.IGNORECASE)
ROW_START = re.compile(r"^(\d+)(?:[.,]+\s*|\s+|$)(.*)$")
FIGURE = re.compile(
    r"^(?P<name>.*?)\s*(?:\bR[pP]\.?\s*(?P<money>[.\d][\d.,]*)|(?<!\S)(?P<bare>[.\d][\d.,]*))$"
)
MIN_BARE_DIGITS = 5
"""A figure printed without 'Rp' must have this many digits to be told from a name's number."""
STYLE_NAMES = {"id": "Indonesian", "us": "US"}
MARKS = {"id": (".", ","), "us": (",", ".")}
"""Thousands separator and decimal mark of each number style."""
DIGIT_WORDS = {1: "one", 2: "two", 4: "four", 5: "five", 6: "six", 7: "seven"}


@dataclass(frozen=True)
class BudgetRow:
    """One program row as printed: its number, name and the figure with where it starts."""

    printed_no: str
    program: str
    line: int
    token: str
    """The whitespace-delimited printed token holding the figure (with a glued 'Rp.')."""
    raw: str


def split_figure(text: str) -> tuple[str, str] | None:
    """Split a line into (name part, figure) when it ends with a budget figure.

    Examples:
        >>> split_figure("8. Pendidikan Non Formal Rp.      455.441.000,00")
        ('8. Pendidikan Non Formal', '455.441.000,00')
        >>> split_figure("17. Upaya Kesehatan Masyarakat 9161721000")
        ('17. Upaya Kesehatan Masyarakat', '9161721000')
        >>> split_figure("Penyakit Menular") is None
        True
    """
    match = FIGURE.match(text)
    if not match:
        return None
    figure = match["money"] or match["bare"]
    if match["bare"] and sum(c.isdigit() for c in figure) < MIN_BARE_DIGITS:
        return None
    return match["name"], figure


def join_name(pieces: list[str]) -> str:
    """Join a name wrapped over lines: a hyphen at the break joins the words without a space.

    Examples:
        >>> join_name(["Pembangunan Saluran Drainase/Gorong", "- Gorong"])
        'Pembangunan Saluran Drainase/Gorong-Gorong'
        >>> join_name(["Penataan Peraturan Perundang-", "Undangan"])
        'Penataan Peraturan Perundang-Undangan'
        >>> join_name(["Peningkatan Kapasitas Sumber Daya", "Aparatur."])
        'Peningkatan Kapasitas Sumber Daya Aparatur'
    """
    name = ""
    for piece in filter(None, pieces):
        if name.endswith("-"):
            name += piece
        elif piece.startswith("-"):
            name = f"{name}-{piece.lstrip('- ')}"
        else:
            name = f"{name} {piece}" if name else piece
    return " ".join(name.split()).removesuffix(".").strip()


def read_rows(items: list[Entry], source: Source, document: Document) -> list[BudgetRow]:
    """Walk the table from its first column header to its Jumlah row."""
    index = next((i for i in range(len(items)) if budget_header_length(items, i)), None)
    if index is None:
        raise DataError(f"No PK budget table (header {' / '.join(BUDGET_HEADER)}) in {document.id}")
    rows: list[BudgetRow] = []
    number: str | None = None
    pieces: list[str] = []
    while index < len(items) and not TOTAL.match(items[index].text):
        entry = items[index]
        skip = budget_header_length(items, index) or furniture_length(
            items, index, source, document
        )
        if skip:
            index += skip
            continue
        text = entry.text
        if number is None:
            start = ROW_START.match(text)
            if start is None:
                raise DataError(f"Line {entry.line}: expected a numbered program row: {text!r}")
            number, text = start[1], start[2]
        split = split_figure(text)
        if split is None:
            pieces.append(text)
        else:
            pieces.append(split[0])
            token = entry.text.split()[-1]
            rows.append(BudgetRow(number, join_name(pieces), entry.line, token, split[1]))
            number, pieces = None, []
        index += 1
    if index == len(items):
        raise DataError(f"The PK budget table in {document.id} has no Jumlah row")
    if number is not None:
        raise DataError(f"PK budget row {number} has no figure before the Jumlah row")
    return rows


def table_style(raws: list[str]) -> str:
    """The table's number style: the one in which more of its figures are well grouped."""
    counts = {
        style: sum(bool(re.fullmatch(rf"\d{{1,3}}(\{t}\d{{3}})+\{d}\d+", raw)) for raw in raws)
        for style, (t, d) in MARKS.items()
    }
    return max(counts, key=lambda style: counts[style])


def read_figure(token: str, raw: str, style: str) -> tuple[str, float | None, str]:
    """Read one figure in a table of `style`: (number style, value, parse_note)."""
    thousands = MARKS[style][0]
    other = next(s for s in MARKS if s != style)
    if raw.isdigit():
        note = (
            f"Printed without thousands separators or decimals ('{token}'); read as whole rupiah."
        )
        return style, parse_figure(raw, style).value, note
    if re.fullmatch(rf"\d{{1,3}}(\{thousands}\d{{3}})+\{thousands}\d{{2}}", raw):
        figure = parse_figure(raw, other)
        note = (
            f"Malformed: '{thousands}' used both to group thousands and as the decimal mark "
            f"(other rows are {STYLE_NAMES[style]} format); read with style {other} so the last "
            f"'{thousands}' is the decimal mark; parser note: {figure.note}."
        )
        return other, figure.value, note
    figure = parse_figure(raw, style)
    if not figure.note:
        return style, figure.value, ""
    return style, figure.value, "; ".join([figure.note, *oddities(raw, style)]) + "."


def oddities(raw: str, style: str) -> list[str]:
    """What is irregular in a malformed figure, for its parse_note.

    Examples:
        >>> oddities(".239.700.000,00", "id")
        ["printed with a leading '.' (a stray mark or a lost leading digit); value kept as read"]
        >>> oddities("1.936.6945.874,00", "id")
        ["printed with a four-digit group '6945'"]
    """
    thousands, decimal = MARKS[style]
    found = []
    if raw.startswith(thousands):
        found.append(
            f"printed with a leading '{thousands}' (a stray mark or a lost leading digit); "
            "value kept as read"
        )
    groups = raw.partition(decimal)[0].strip(thousands).split(thousands)
    for group in groups[1:]:
        if len(group) != 3:
            words = DIGIT_WORDS.get(len(group), str(len(group)))
            found.append(f"printed with a {words}-digit group '{group}'")
    return found


def run(source: Source) -> Extracted:
    """Regenerate the PK budget table of `source`."""
    document = pk_document(source)
    rows = read_rows(entries(source, document), source, document)
    style = table_style([row.raw for row in rows])
    records = []
    for seq, row in enumerate(rows, start=1):
        number_style, value, note = read_figure(row.token, row.raw, style)
        records.append(
            {
                "row_seq": seq,
                "printed_no": row.printed_no,
                "program": row.program,
                "measure": MEASURE,
                "source_table": source_table(document),
                "source_line": row.line,
                "raw": row.raw,
                "number_style": number_style,
                "value": value,
                "parse_note": note,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    curated = apply_hints(frame, hints(source, TABLE), TABLE)
    return Extracted(frame, curated)


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Reads the PK's program budget table (No / Program / Anggaran) from its column header "
        "to the Jumlah row: wrapped program names, 'Rp' figures and their irregular grouping."
    ),
)
