"""Shared reading of the Perjanjian Kinerja (PK) appended to a source: its lines, page furniture
and curated hints, for the steps that regenerate the PK's printed tables.

The PK is found through the origin's documents (kind "PK"), never by a line number. Its pages
repeat a running header ("Perjanjian Kinerja Tahun <year>", "Pemerintah <region>", the page
number) that the table readers skip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from binjai_analysis.data.parsing import normalise_whitespace
from binjai_analysis.data.sources import Document, Source
from binjai_analysis.errors import DataError

PK_KIND = "PK"
"""The document kind of a performance agreement in `origin.yaml`."""
BUDGET_HEADER = ("No", "Program", "Anggaran")
"""The column titles that open the PK budget table (and every page of it), in order."""
BUDGET_OPTIONAL = "Ket"
BUDGET_COLUMNS = 4
"""No, Program, Anggaran, Ket: the budget header's column numbering runs 1. to this."""


@dataclass(frozen=True)
class Entry:
    """One non-blank line of a document: its 1-based line number and its normalised text."""

    line: int
    text: str


def pk_document(source: Source) -> Document:
    """The source's PK document (the first one of kind PK that has text)."""
    for document in source.origin.documents:
        if document.kind == PK_KIND and document.lines is not None:
            return document
    raise DataError(f"Source {source.id} has no {PK_KIND} document with text in its origin file.")


def source_table(document: Document) -> str:
    """The `source_table` label of the PK's rows, e.g. 'PK' and the document's year."""
    return f"{document.kind} {document.year}"


def entries(source: Source, document: Document) -> list[Entry]:
    """The document's non-blank lines, whitespace normalised, in order."""
    if document.lines is None:
        return []
    first, last = document.lines
    found = []
    for number in range(first, last + 1):
        text = normalise_whitespace(source.lines[number - 1])
        if text:
            found.append(Entry(number, text))
    return found


def furniture_length(items: list[Entry], index: int, source: Source, document: Document) -> int:
    """How many entries from `index` are a page's running header (0 when none starts there).

    The header is 'Perjanjian Kinerja Tahun <year>', optionally 'Pemerintah <region>', and an
    optional bare page number after them.
    """
    running = re.compile(rf"^Perjanjian Kinerja Tahun {document.year}$", re.IGNORECASE)
    if not running.match(items[index].text):
        return 0
    length = 1
    region = f"Pemerintah {source.origin.region.name}".casefold()
    if index + length < len(items) and items[index + length].text.casefold() == region:
        length += 1
    if index + length < len(items) and items[index + length].text.isdigit():
        length += 1
    return length


def budget_header_length(items: list[Entry], index: int) -> int:
    """How many entries from `index` are the PK budget table's column header (0 if none).

    The titles may share a line or sit on lines of their own; the column numbering after them
    ('1. 2. 3. 4.' on one line or one number a line) belongs to the header.

    Examples:
        >>> rows = [Entry(1, "No"), Entry(2, "Program"), Entry(3, "Anggaran"), Entry(4, "Ket"),
        ...         Entry(5, "1. 2. 3. 4."), Entry(6, "1 Pelayanan")]
        >>> budget_header_length(rows, 0)
        5
    """
    words: list[str] = []
    length = 0
    while len(words) < len(BUDGET_HEADER) and index + length < len(items):
        words += items[index + length].text.split()
        length += 1
    if tuple(words) != BUDGET_HEADER:
        return 0
    if index + length < len(items) and items[index + length].text == BUDGET_OPTIONAL:
        length += 1
    expected = 1
    while index + length < len(items):
        numbers = items[index + length].text.split()
        wanted = [f"{n}." for n in range(expected, expected + len(numbers))]
        if numbers != wanted or expected + len(numbers) - 1 > BUDGET_COLUMNS:
            break
        expected += len(numbers)
        length += 1
    return length


def apply_hints(frame: pd.DataFrame, table_hints: dict, table: str) -> pd.Series:
    """Apply the `rows` overrides of a table's hints to `frame` in place; the curated mask.

    Each hint is `{source_line: N, set: {column: value, ...}, why: "..."}` and may add
    `measure` when a line holds more than one row. A hint that matches no row is an error,
    so a stale hint cannot pass silently.
    """
    curated = pd.Series(False, index=frame.index)
    for hint in table_hints.get("rows", []):
        if not hint.get("why"):
            raise DataError(f"{table} hint {hint} has no 'why'")
        match = frame["source_line"] == hint["source_line"]
        if "measure" in hint:
            match &= frame["measure"] == hint["measure"]
        if not match.any():
            raise DataError(f"{table} hint for line {hint['source_line']} matches no row")
        for column, value in hint.get("set", {}).items():
            if column not in frame.columns:
                raise DataError(f"{table} hint for line {hint['source_line']}: no column {column}")
            frame.loc[match, column] = value
        curated |= match
    return curated
