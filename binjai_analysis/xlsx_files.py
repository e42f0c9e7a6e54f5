"""XLSX downloads that read well and build reproducibly: a frozen bold header row, columns as
wide as their contents (within bounds), and the same bytes for the same data (fixed document
dates, fixed ZIP entry times)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from binjai_analysis.csv_files import csv_frame
from binjai_analysis.zip_files import read_entries, zip_bytes

FIXED_DATE = "2000-01-01T00:00:00Z"
"""The created and modified date every workbook states (openpyxl would write the build time)."""
MIN_WIDTH, MAX_WIDTH = 6, 60
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def column_widths(frame: pd.DataFrame) -> list[int]:
    """A width per column: its longest header or value (as text), plus a margin, within
    `MIN_WIDTH`..`MAX_WIDTH` characters.

    Examples:
        >>> column_widths(pd.DataFrame({"id": ["S01"], "name": ["x" * 100]}))
        [6, 60]
    """
    widths = []
    for column in frame.columns:
        values = frame[column].dropna().astype(str)
        longest = max([len(str(column)), *values.str.len().tolist()])
        widths.append(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))
    return widths


def reproducible(data: bytes, stamp: str = FIXED_DATE) -> bytes:
    """An XLSX's bytes with its document dates set to `stamp` (openpyxl writes the wall clock)
    and its ZIP entries re-packed with fixed times (the contents are unchanged)."""
    entries = read_entries(data)
    core = "docProps/core.xml"
    if core in entries:
        entries[core] = _CORE_DATES.sub(
            lambda match: match.group(1) + stamp.encode() + match.group(3), entries[core]
        )
    return zip_bytes(entries)


def xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """`frame` as a one-sheet workbook: bold frozen header, fitted widths, whole numbers as
    integers (as in the CSV), reproducible bytes."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        csv_frame(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
        worksheet = writer.sheets[sheet[:31]]
        worksheet.freeze_panes = "A2"
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        for position, width in enumerate(column_widths(frame), start=1):
            worksheet.column_dimensions[get_column_letter(position)].width = width
    return reproducible(buffer.getvalue())


def write_xlsx(frame: pd.DataFrame, path: Path, sheet: str) -> Path:
    """Write `frame` to `path` as an XLSX download (see `xlsx_bytes`); returns `path`."""
    path.write_bytes(xlsx_bytes(frame, sheet))
    return path
