"""Acceptance: a table's XLSX download is the table the page shows (its headings, its text, its
numbers as numbers with a number format) under its source, citation and licence; its CSV
writes line numbers as integers. Reads the session's built site (`built_site`)."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from binjai_analysis.paths import ProjectPaths

pytestmark = pytest.mark.slow

TABLES = [
    ("2018/capaian-kinerja.html", "tabel-capaian-s01"),
    ("2018/akuntabilitas-keuangan.html", "tabel-penyerapan-program"),
    ("tentang/kualitas-data.html", "tabel-catatan-per-jenis"),
]
"""A Capaian table, a budget table and a data-quality (errata) table."""
NUMBER = re.compile(
    r"^(?P<sign>[+−-]?)(?:Rp )?(?P<digits>\d{1,3}(?:\.\d{3})*(?:,\d+)?)"
    r"(?P<percent>\s?%)?(?: (?P<unit>juta|miliar|triliun))?$"
)
"""A number as the page writes it: '−1.234,5', '95,3 %', 'Rp 1,2 miliar'."""
UNITS = {None: 1, "juta": 1e6, "miliar": 1e9, "triliun": 1e12}


def _text(fragment: str) -> str:
    """A cell's text as a reader sees it: tags dropped, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def page_table(page: Path, anchor: str) -> tuple[list[str], list[list[str]]]:
    """The headings and the body cells' text of the table `anchor` on a built page."""
    text = page.read_text(encoding="utf-8")
    start = text.index(f'<figure class="binjai-table" id="{anchor}">')
    figure = text[start : text.index("</figure>", start)]
    head = figure[figure.index("<thead>") : figure.index("</thead>")]
    body = figure[figure.index("<tbody>") : figure.index("</tbody>")]
    headings = [_text(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", head, re.DOTALL)]
    rows = [
        [_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)
    ]
    return headings, rows


def download(site: ProjectPaths, page: Path, anchor: str, extension: str) -> Path:
    """The download of `anchor` the page links (Sphinx copies it under `_downloads/`)."""
    text = page.read_text(encoding="utf-8")
    links = re.findall(rf'href="([^"]*-{anchor}\.{extension})"', text)
    assert links, f"{page.name} links no {extension} of {anchor}"
    return (page.parent / html.unescape(links[0])).resolve()


def number_of(text: str) -> float | None:
    """The value a page's number means ('95,3 %' is 0.953, as Excel holds it), or None."""
    match = NUMBER.match(text.replace("\u00a0", " "))
    if match is None:
        return None
    value = float(match["digits"].replace(".", "").replace(",", "."))
    value *= UNITS[match["unit"]] * (-1 if match["sign"] in ("−", "-") else 1)
    return value / 100 if match["percent"] else value


def sheet_table(path: Path) -> tuple[list[str], list[list[object]], list[str]]:
    """The XLSX's headings, its body cells and the header block above them."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows())
    at = next(i for i, row in enumerate(rows) if row[0].font.bold and i > 0)
    block = [str(row[0].value) for row in rows[:at] if row[0].value is not None]
    headings = [str(cell.value) for cell in rows[at] if cell.value is not None]
    assert sheet.freeze_panes == f"A{at + 2}"  # the heading row stays in view
    return headings, [list(row)[: len(headings)] for row in rows[at + 1 :]], block


@pytest.mark.parametrize(("url", "anchor"), TABLES)
def test_xlsx_download_is_the_page_table_with_numbers_and_its_citation(built_site, url, anchor):
    page = built_site.html_dir / url
    headings, rows = page_table(page, anchor)
    xlsx_headings, cells, block = sheet_table(download(built_site, page, anchor, "xlsx"))
    assert xlsx_headings == headings
    assert len(cells) == len(rows)
    numbers = 0
    for page_row, cell_row in zip(rows, cells, strict=True):
        for shown, cell in zip(page_row, cell_row, strict=True):
            if isinstance(cell.value, bool) or not isinstance(cell.value, int | float):
                assert (cell.value or "–") == (shown or "–") or cell.value == shown
                continue
            numbers += 1
            assert cell.number_format != "General", (shown, cell.value)
            meant = number_of(shown)
            if meant is not None:  # the cell holds the number the page shows, unrounded
                assert cell.value == pytest.approx(meant, rel=0.06, abs=0.051), (shown, cell.value)
    assert numbers >= len(rows), f"{anchor}: the numbers are text"
    assert block[0].startswith("Tabel ") and block[1].startswith("Sumber: ")
    citation = next(line for line in block if line.startswith("Kutip sebagai: "))
    assert f"{url}#{anchor}" in citation
    assert any(line.startswith("Lisensi: CC BY 4.0") for line in block)
    assert any(line.startswith("Dibangun: ") for line in block)


def test_csv_download_writes_line_numbers_as_integers(built_site):
    url, anchor = TABLES[1]
    path = download(built_site, built_site.html_dir / url, anchor, "csv")
    table = pd.read_csv(io.StringIO(path.read_text(encoding="utf-8-sig")), dtype=str)
    lines = [column for column in table.columns if column.endswith("_line")]
    assert lines
    for column in lines:
        present = table[column].dropna()
        assert len(present) and present.str.fullmatch(r"\d+").all(), column
