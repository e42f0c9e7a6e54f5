"""The data-entry workbook of a new source: Indonesian headings, an example, allowed values.

One sheet per printed table. Row 1 holds the Indonesian heading of each column, row 2 the
column's name in the printed table (grey; it is what `read_workbook` reads, so headings may be
reworded freely), row 3 a filled example (italic, marked CONTOH, never imported) and the
pre-filled rows follow. A sheet 'Daftar' lists the allowed values, and the columns that take
one of them offer it as a drop-down list.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from binjai_analysis.data.schemas import NUMBER_STYLES
from binjai_analysis.errors import DataError
from binjai_analysis.labels import FORM_HEADINGS, FORM_SHEETS

EXAMPLE_MARK = "CONTOH"
"""The parse_note of each sheet's example row: `read_workbook` skips it."""
LISTS_SHEET = "Daftar"
FIRST_DATA_ROW = 4
_HEADING = Font(bold=True)
_NAME = Font(color="808080", size=8)
_EXAMPLE = Font(italic=True, color="505050")
_REFERENCE = PatternFill("solid", fgColor="EEEEEE")
EXAMPLES = {
    "lkjip_results": {
        "sasaran_no": 1, "indicator_no": "1", "indicator_name": "Nama indikator seperti tercetak",
        "unit": "%", "measure": "realisasi", "source_table": "Tabel 3.3", "source_line": 1234,
        "raw": "92,5", "number_style": "id", "parse_note": EXAMPLE_MARK,
    },
    "pk_targets": {
        "sasaran_no": 1, "indicator_no": "1.1", "indicator_name": "Nama indikator seperti tercetak",
        "unit": "%", "measure": "target", "source_table": "PK", "source_line": 1234,
        "raw": "95", "number_style": "id", "parse_note": EXAMPLE_MARK,
    },
    "lkjip_budget": {
        "row_seq": 1, "printed_no": "1", "program": "Pelayanan Administrasi Perkantoran",
        "measure": "anggaran", "source_table": "Tabel 3.18", "source_line": 1234,
        "raw": "96.457.106.141,00", "number_style": "id", "parse_note": EXAMPLE_MARK,
    },
    "pk_budget": {
        "row_seq": 1, "printed_no": "1", "program": "Pelayanan Administrasi Perkantoran",
        "measure": "anggaran", "source_table": "PK", "source_line": 1234,
        "raw": "116.213.990.636,00", "number_style": "id", "parse_note": EXAMPLE_MARK,
    },
}  # fmt: skip
"""A filled example row per sheet (the year is the workbook's)."""


def allowed_values(forms: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """The drop-down lists: measures per table, number styles, units and polarities seen."""
    from binjai_analysis.intake.scaffold import MEASURES

    measures = sorted({m for table in forms for m in MEASURES[table]})
    units = sorted({str(u) for f in forms.values() if "unit" in f for u in f["unit"] if u})
    return {
        "measure": measures,
        "number_style": [style for style in NUMBER_STYLES if style],
        "unit": units,
    }


def _write_lists(book: Workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    """Write the lists sheet; return each list's cell range for data validation."""
    sheet = book.create_sheet(LISTS_SHEET)
    ranges = {}
    for position, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(position)
        sheet.cell(1, position, FORM_HEADINGS.get(name, name)).font = _HEADING
        for row, value in enumerate(values, start=2):
            sheet.cell(row, position, value)
        ranges[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${max(len(values), 1) + 1}"
        sheet.column_dimensions[letter].width = 24
    return ranges


def _write_sheet(book: Workbook, table: str, frame: pd.DataFrame, year: int, ranges: dict) -> None:
    sheet = book.create_sheet(FORM_SHEETS[table])
    example = {**EXAMPLES[table], "year": year}
    for position, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(position)
        sheet.cell(1, position, FORM_HEADINGS.get(column, column)).font = _HEADING
        sheet.cell(2, position, column).font = _NAME
        sheet.cell(3, position, example.get(column, "")).font = _EXAMPLE
        for row, value in enumerate(frame[column], start=FIRST_DATA_ROW):
            cell = sheet.cell(row, position, None if value == "" else value)
            if column.startswith("ref_"):
                cell.fill = _REFERENCE
        wide = "name" in column or column == "program"
        sheet.column_dimensions[letter].width = 40 if wide else 16
        if column in ranges:
            validation = DataValidation(type="list", formula1=f"={ranges[column]}")
            validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + 2000}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"


def write_workbook(forms: dict[str, pd.DataFrame], path: Path, year: int) -> Path:
    """Write the forms as one workbook (a sheet per table, then the lists sheet)."""
    book = Workbook()
    book.remove(book.active)
    ranges = _write_lists(book, allowed_values(forms))
    for table, frame in forms.items():
        _write_sheet(book, table, frame, year, ranges)
    book.move_sheet(LISTS_SHEET, offset=len(forms))
    book.properties.creator = "binjai new-year"
    book.save(path)
    return path


def read_workbook(path: Path) -> dict[str, pd.DataFrame]:
    """The filled sheets of a workbook, by printed table, columns named by row 2, every cell
    as text; the example row is left out."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"Cannot read the workbook {path}: {exc}") from exc
    tables = {}
    for table, title in FORM_SHEETS.items():
        if title not in book.sheetnames:
            continue
        rows = list(book[title].iter_rows(min_row=2, values_only=True))
        if not rows:
            continue
        names = [str(name) if name is not None else "" for name in rows[0]]
        body = [["" if v is None else _cell(v) for v in row] for row in rows[2:]]
        tables[table] = pd.DataFrame(body, columns=names).loc[:, [n for n in names if n]]
    return tables


def _cell(value: object) -> str:
    """A workbook cell as text: whole numbers without '.0', as the printed CSVs store them."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
