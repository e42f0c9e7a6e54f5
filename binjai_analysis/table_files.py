"""A table's downloads as a Bappeda analyst opens them: the XLSX is the page's table (its
Indonesian headings, its text, its numbers as real numbers shown with the page's decimals)
under a header block that says what it is, where it is from and how to cite it; the CSV keeps
the code-friendly columns and exact values; a JSON sidecar holds the header block for machines.

Every file is byte-reproducible: the same inputs give the same bytes (no wall-clock time in
the XLSX's properties or zip entries).
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import subprocess
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from functools import cache
from numbers import Integral, Real
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from binjai_analysis import __version__
from binjai_analysis.csv_files import csv_frame
from binjai_analysis.formatting import FormattedValue
from binjai_analysis.xlsx_files import reproducible

LICENCE = "CC BY 4.0 (data dan teks), https://creativecommons.org/licenses/by/4.0/"
"""The licence of the data and text the site publishes (see LICENSE-DATA.md)."""
CREDIT = "Binjai Analysis"
"""Who a citation credits (CITATION.cff)."""
PAGE_URL_ENV = "BINJAI_PAGE_URL"
"""The page's address within the site (e.g. `2018/capaian-kinerja.html`), set by the build
for each page it runs."""
FIXED_PROPERTIES_TIME = datetime(2000, 1, 1)
"""The workbook's created and modified date when the build has no date of its own."""
CODE_SHEET = "Kode"
"""The second sheet: the CSV's code-friendly columns and exact values."""
CODE_NOTE = "Nilai persis dengan nama kolom kode, sama dengan unduhan CSV."
MAX_WIDTH = 50
"""The widest a column gets (characters); longer text wraps."""
INT_FORMAT = "0"
FLOAT_FORMAT = "#,##0.0##############"
"""Formats of numbers the page table holds unformatted (ints such as years, plain floats);
the sheet 'Kode' keeps Excel's General format: exact values, as the CSV has them."""


@dataclass(frozen=True)
class TableInfo:
    """What a table's header block (XLSX) and metadata (JSON) say about it."""

    number: str
    """'Tabel 5.2'."""
    title: str
    source: str
    """The caption's source sentence: 'Sumber: LKjIP Kota Binjai 2018, Tabel 3.2 (diolah).'"""
    anchor: str
    """The table's id on its page, e.g. 'tabel-capaian-s01'."""
    page: str | None = None
    """The page's address within the site, e.g. '2018/capaian-kinerja.html'."""
    lines: str = ""
    """The source text lines the table's figures are from, e.g. '684, 747'."""
    variant: str | None = None
    built: str | None = None
    """The build date (YYYY-MM-DD), from SOURCE_DATE_EPOCH or the commit's date."""
    commit: str | None = None
    version: str = __version__

    @property
    def url(self) -> str:
        """The table's address: its page and anchor ('2018/capaian-kinerja.html#tabel-x')."""
        return f"{self.page or ''}#{self.anchor}"

    @property
    def short_commit(self) -> str | None:
        return self.commit[:7] if self.commit else None

    def built_text(self) -> str:
        """'2026-12-04, commit abc1234', naming what is unknown."""
        day = self.built or "tanggal tidak diketahui"
        commit = f"commit {self.short_commit}" if self.commit else "commit tidak diketahui"
        return f"{day}, {commit}"

    def citation(self) -> str:
        """The suggested citation: the site, its version and commit, the table and its address."""
        commit = f", commit {self.short_commit}" if self.commit else ""
        return (
            f"{CREDIT} (versi {self.version}{commit}). {self.number}. {self.title}. "
            f"{self.url}. {self.source}"
        )

    def header_rows(self) -> list[str]:
        """The header block above the table, one line a row (Bahasa Indonesia)."""
        rows = [f"{self.number}. {self.title}", self.source]
        if self.lines:
            rows.append(f"Baris teks sumber: {self.lines}")
        if self.variant:
            rows.append(f"Varian: {self.variant}")
        rows += [
            f"Dibangun: {self.built_text()}",
            f"Kutip sebagai: {self.citation()}",
            f"Lisensi: {LICENCE}",
        ]
        return rows

    def metadata(self, shown: pd.DataFrame, data: pd.DataFrame) -> dict[str, object]:
        """The header block's fields, and the columns of both tables, for the JSON sidecar."""
        fields = asdict(self)
        fields.pop("anchor")
        return {
            **fields,
            "url": self.url,
            "citation": self.citation(),
            "licence": LICENCE,
            "columns": [str(column) for column in shown.columns],
            "code_columns": [str(column) for column in data.columns],
        }


def line_numbers(lines: list[tuple[str, int] | None], source_column: pd.Series | None) -> str:
    """The distinct source lines of a table, sorted, per source when there are several:
    '684, 747' or 'lkjip-2018: 684; pk-2019: 12'. `lines` are `(source, line)` places (or
    None); `source_column` a `source_line` column, used when there are no places."""
    by_source: dict[str, set[int]] = {}
    for place in lines:
        if place is not None:
            by_source.setdefault(place[0], set()).add(int(place[1]))
    if not by_source and source_column is not None:
        present = pd.to_numeric(source_column, errors="coerce").dropna()
        by_source[""] = {int(line) for line in present}
    parts = [
        (f"{source}: " if len(by_source) > 1 else "") + ", ".join(map(str, sorted(numbers)))
        for source, numbers in sorted(by_source.items())
        if numbers
    ]
    return "; ".join(parts)


def build_date(root: Path | None = None) -> str | None:
    """The build's date, the same for every build of the same inputs: SOURCE_DATE_EPOCH when
    set (reproducible builds' convention), else the checked-out commit's date, else None."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    committed = _git(root or Path.cwd(), "show", "-s", "--format=%cs", "HEAD")
    return committed if committed and re.fullmatch(r"\d{4}-\d{2}-\d{2}", committed) else None


def commit_of(root: Path | None = None) -> str | None:
    """The checked-out commit (full hash), or None outside a git checkout."""
    return _git(root or Path.cwd(), "rev-parse", "HEAD")


@cache
def _git(root: Path, *arguments: str) -> str | None:
    """`git <arguments>`'s output in `root` (once per process), or None when git fails."""
    try:
        completed = subprocess.run(
            ["git", *arguments], cwd=root, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    output = completed.stdout.strip()
    return output if completed.returncode == 0 and output else None


def _text(value: object) -> str:
    """Text as a cell takes it: without the control characters XLSX cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _put(sheet: Worksheet, row: int, column: int, value: object, formats: bool = True) -> None:
    """Write one cell: a FormattedValue as its number and format, numbers as numbers, anything
    else as text (never a formula, even when it starts with '='); nothing when missing."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, FormattedValue) and math.isfinite(value.value):
        cell.value, cell.number_format = value.value, value.number_format
    elif isinstance(value, bool | np.bool_):
        cell.value = bool(value)
    elif isinstance(value, Integral):
        cell.value = int(value)
        if formats:
            cell.number_format = INT_FORMAT
    elif isinstance(value, Real):
        if math.isfinite(float(value)):
            cell.value = float(value)
            if formats:
                cell.number_format = FLOAT_FORMAT
    elif value is not None and not _is_missing(value):
        cell.value = _text(value)
        cell.data_type = "s"


def _table(sheet: Worksheet, frame: pd.DataFrame, first_row: int, formats: bool = True) -> None:
    """`frame` from `first_row`: bold headings (frozen, filterable), then its rows (plain
    numbers with a number format when `formats`, else Excel's General)."""
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    widths = [len(str(column)) for column in frame.columns]
    for column, heading in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=first_row, column=column, value=_text(heading))
        cell.font, cell.alignment = bold, wrap
    for offset, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        for column, value in enumerate(values, start=1):
            _put(sheet, first_row + offset, column, value, formats)
            widths[column - 1] = max(widths[column - 1], len(str(value)))
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width, 6) + 2, MAX_WIDTH)
        if width > MAX_WIDTH:
            for (cell,) in sheet.iter_rows(
                min_row=first_row + 1, min_col=column, max_col=column, max_row=sheet.max_row
            ):
                cell.alignment = wrap
    sheet.freeze_panes = sheet.cell(row=first_row + 1, column=1)
    if len(frame.columns):
        last = get_column_letter(len(frame.columns))
        sheet.auto_filter.ref = f"A{first_row}:{last}{first_row + len(frame)}"


def workbook(shown: pd.DataFrame, info: TableInfo, data: pd.DataFrame | None = None) -> Workbook:
    """The XLSX of a table: the header block and the page's table on the first sheet, the
    code-friendly `data` (when given) on the sheet 'Kode'."""
    book = Workbook()
    sheet = book.active
    sheet.title = info.number.replace(".", "-")[:31]
    rows = info.header_rows()
    for row, line in enumerate(rows, start=1):
        sheet.cell(row=row, column=1, value=_text(line)).data_type = "s"
    sheet.cell(row=1, column=1).font = Font(bold=True, size=12)
    _table(sheet, shown, len(rows) + 2)
    if data is not None:
        code = book.create_sheet(CODE_SHEET)
        for row, line in enumerate([f"{info.number}. {info.title}", CODE_NOTE], start=1):
            code.cell(row=row, column=1, value=_text(line)).data_type = "s"
        _table(code, csv_frame(data), 4, formats=False)  # whole numbers as integers
    when = _properties_time(info.built)
    book.properties.creator = CREDIT
    book.properties.title = _text(f"{info.number}. {info.title}")
    book.properties.created = book.properties.modified = when
    return book


def _properties_time(built: str | None) -> datetime:
    """The workbook's created and modified time: the build date's midnight, else a fixed one."""
    if not built:
        return FIXED_PROPERTIES_TIME
    return datetime.combine(date.fromisoformat(built), datetime.min.time())


def xlsx_bytes(shown: pd.DataFrame, info: TableInfo, data: pd.DataFrame | None = None) -> bytes:
    """The XLSX download's bytes (see `workbook`), the same for the same inputs."""
    buffer = io.BytesIO()
    workbook(shown, info, data).save(buffer)
    stamp = _properties_time(info.built).strftime("%Y-%m-%dT%H:%M:%SZ")
    return reproducible(buffer.getvalue(), stamp)


def metadata_text(shown: pd.DataFrame, info: TableInfo, data: pd.DataFrame) -> str:
    """The JSON sidecar's text: the header block's fields and the columns."""
    return json.dumps(info.metadata(shown, data), ensure_ascii=False, indent=2) + "\n"


def write_xlsx(
    path: Path, shown: pd.DataFrame, info: TableInfo, data: pd.DataFrame | None = None
) -> Path:
    """Write the XLSX download to `path`; returns `path`."""
    path.write_bytes(xlsx_bytes(shown, info, data))
    return path


def write_metadata(path: Path, shown: pd.DataFrame, info: TableInfo, data: pd.DataFrame) -> Path:
    """Write the JSON sidecar to `path`; returns `path`."""
    path.write_text(metadata_text(shown, info, data), encoding="utf-8")
    return path
