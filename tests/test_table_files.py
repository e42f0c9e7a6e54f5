"""Table downloads: the XLSX is the page's table (numbers as numbers) under a header block,
byte-reproducible; the JSON sidecar holds the same facts."""

from __future__ import annotations

import io
import json
import time
import zipfile

import openpyxl
import pandas as pd
import pytest

from binjai_analysis.formatting import format_number, percent_text, rupiah_cell
from binjai_analysis.table_files import (
    CODE_NOTE,
    CODE_SHEET,
    LICENCE,
    TableInfo,
    build_date,
    line_numbers,
    metadata_text,
    xlsx_bytes,
)

INFO = TableInfo(
    number="Tabel 5.2",
    title="Indikator sasaran 1",
    source="Sumber: LKjIP Kota Uji 1999, Tabel 3.2 (diolah).",
    anchor="tabel-capaian-s01",
    page="1999/capaian-kinerja.html",
    lines="684, 747",
    variant="tanpa-batas",
    built="2026-12-01",
    commit="0123456789abcdef",
)


def shown_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Indikator": ["=SUM(A1:A2)", "Rasio B"],
            "Target": [format_number(1234.5, 1), "–"],
            "Capaian": [percent_text(95.25), percent_text(-3.0)],
            "Pagu (Rp)": [rupiah_cell(96457108500.0), rupiah_cell(12.5)],
            "Tahun": [1999, 2000],
        }
    )


def code_frame() -> pd.DataFrame:
    return pd.DataFrame({"indicator_id": ["a", "b"], "target": [1234.5, None], "line": [7.0, 8.0]})


def sheet_rows(content: bytes, sheet: int = 0) -> list[list[openpyxl.cell.Cell]]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [list(row) for row in book.worksheets[sheet].iter_rows()]


def heading_row(rows: list[list[openpyxl.cell.Cell]]) -> int:
    return next(i for i, row in enumerate(rows) if row[0].value == "Indikator")


def test_the_sheet_has_the_page_headings_and_numbers_as_numbers_with_the_page_decimals():
    rows = sheet_rows(xlsx_bytes(shown_frame(), INFO, code_frame()))
    at = heading_row(rows)
    assert [cell.value for cell in rows[at]] == list(shown_frame().columns)
    assert all(cell.font.bold for cell in rows[at])
    target, capaian, pagu, year = rows[at + 1][1:]
    assert (target.value, target.number_format) == (1234.5, "#,##0.0")
    assert capaian.value == pytest.approx(0.9525) and "0.0%" in capaian.number_format
    assert pagu.value == 96457108500 and pagu.number_format.startswith("#,##0;")
    assert isinstance(year.value, int) and year.number_format != "General"
    assert rows[at + 2][1].value == "–"  # a missing figure stays the page's dash
    assert rows[at + 2][3].number_format.startswith("#,##0.00")  # sen shown when there are any


def test_text_that_looks_like_a_formula_stays_text():
    rows = sheet_rows(xlsx_bytes(shown_frame(), INFO))
    cell = rows[heading_row(rows) + 1][0]
    assert cell.value == "=SUM(A1:A2)" and cell.data_type == "s"


def test_the_header_block_names_the_table_its_source_lines_build_citation_and_licence():
    rows = sheet_rows(xlsx_bytes(shown_frame(), INFO))
    block = [row[0].value for row in rows[: heading_row(rows)] if row[0].value]
    assert block[0] == "Tabel 5.2. Indikator sasaran 1"
    assert block[1] == INFO.source
    assert "Baris teks sumber: 684, 747" in block
    assert "Varian: tanpa-batas" in block
    assert "Dibangun: 2026-12-01, commit 0123456" in block
    citation = next(line for line in block if line.startswith("Kutip sebagai: "))
    assert "1999/capaian-kinerja.html#tabel-capaian-s01" in citation
    assert f"Lisensi: {LICENCE}" in block and "CC BY 4.0" in LICENCE


def test_the_heading_row_is_frozen_and_columns_have_widths():
    content = xlsx_bytes(shown_frame(), INFO)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    at = heading_row(sheet_rows(content)) + 1  # 1-based row of the headings
    assert sheet.freeze_panes == f"A{at + 1}"
    assert sheet.column_dimensions["A"].width >= len("=SUM(A1:A2)")


def test_long_text_wraps_within_a_bounded_column():
    shown = pd.DataFrame({"Catatan": ["kata " * 40]})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(shown, INFO))).worksheets[0]
    cell = sheet.cell(row=sheet.max_row, column=1)
    assert cell.alignment.wrap_text and sheet.column_dimensions["A"].width <= 52


def test_the_code_sheet_holds_the_exact_values_with_whole_numbers_as_integers():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(shown_frame(), INFO, code_frame())))
    sheet = book[CODE_SHEET]
    assert sheet["A2"].value == CODE_NOTE
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
    assert values == [["indicator_id", "target", "line"], ["a", 1234.5, 7], ["b", None, 8]]
    assert isinstance(values[1][2], int)


def test_a_table_without_code_data_has_one_sheet():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(shown_frame(), INFO)))
    assert book.sheetnames == ["Tabel 5-2"]


def test_the_same_inputs_give_the_same_bytes(monkeypatch):
    first = xlsx_bytes(shown_frame(), INFO, code_frame())
    time.sleep(1.1)  # openpyxl stamps the wall clock (seconds) into docProps and zip entries
    assert xlsx_bytes(shown_frame(), INFO, code_frame()) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2026-12-01T00:00:00Z" in core


def test_the_build_date_comes_from_source_date_epoch_never_the_clock(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")
    assert build_date(tmp_path) == "2000-01-01"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date(tmp_path) is None  # no git checkout here: no date rather than today


def test_metadata_names_the_header_fields_and_both_sets_of_columns():
    meta = json.loads(metadata_text(shown_frame(), INFO, code_frame()))
    assert meta["number"] == "Tabel 5.2" and meta["lines"] == "684, 747"
    assert meta["url"] == "1999/capaian-kinerja.html#tabel-capaian-s01"
    assert meta["licence"] == LICENCE and meta["variant"] == "tanpa-batas"
    assert meta["built"] == "2026-12-01" and meta["commit"] == INFO.commit
    assert meta["columns"] == list(shown_frame().columns)
    assert meta["code_columns"] == ["indicator_id", "target", "line"]
    assert "Tabel 5.2" in meta["citation"]


def test_unknown_build_and_page_say_so():
    info = TableInfo(number="Tabel 1.1", title="T", source="Sumber: X.", anchor="tabel-t")
    assert info.built_text() == "tanggal tidak diketahui, commit tidak diketahui"
    assert info.url == "#tabel-t"


def test_line_numbers_are_distinct_sorted_and_per_source_when_there_are_several():
    places = [("a", 747), None, ("a", 684), ("a", 747)]
    assert line_numbers(places, None) == "684, 747"
    assert line_numbers([("b", 3), ("a", 9)], None) == "a: 9; b: 3"
    assert line_numbers([], pd.Series([12.0, None, 3.0])) == "3, 12"
    assert line_numbers([], None) == ""
