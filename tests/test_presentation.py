"""Numbered tables and figures: accessible markup, light HTML, escaped text, downloads."""

from __future__ import annotations

import json
import re

import altair as alt
import openpyxl
import pandas as pd
import pytest

from binjai_analysis.formatting import format_number
from binjai_analysis.presentation import Page, printed_lines, source_line

CITE = "LKjIP Kota Uji 1999"
"""A source title for the captions (any title: captions cite what the page is given)."""


def table_html(shown: list[object]) -> str:
    return next(item.data for item in shown if "binjai-table" in getattr(item, "data", ""))


def test_table_is_a_named_focusable_region_with_one_rule_per_numeric_column(shown, tmp_path):
    page = Page(chapter=5, year=2018, cite=CITE, directory=tmp_path)
    frame = pd.DataFrame({"Indikator": ["A", "B", "C"], "Capaian": ["90,0 %", "80,0 %", "–"]})
    number = page.table(frame, title="Uji", source="Tabel 3.2", label="uji", numeric=["Capaian"])

    html = table_html(shown)
    assert number == "Tabel 5.1"
    assert 'id="tabel-uji-judul"' in html
    assert 'role="region" tabindex="0" aria-labelledby="tabel-uji-judul"' in html
    assert re.search(r"#T_tabel-uji td\.col1 \{\s*text-align: right;\s*\}", html)
    assert 'id="T_tabel-uji_row' not in html  # no per-cell ids: pages stay light
    assert "data row" not in html and '<td class="col1"' in html  # the column class only


def test_table_text_and_headers_are_escaped(shown, tmp_path):
    page = Page(chapter=5, year=2018, cite=CITE, directory=tmp_path)
    hostile = "<img src=x onerror=alert(2)>"
    page.table(pd.DataFrame({hostile: [hostile]}), title=hostile, source="Tabel 3.18", label="x")
    html = table_html(shown)
    assert "<img" not in html
    assert html.count("&lt;img src=x onerror=alert(2)&gt;") == 3  # caption, header, cell
    assert (tmp_path / "downloads" / "2018-tabel-x.csv").read_text(encoding="utf-8-sig").count(
        hostile
    ) == 2


def test_unknown_numeric_column_is_an_error(shown, tmp_path):
    page = Page(chapter=5, year=2018, cite=CITE, directory=tmp_path)
    with pytest.raises(KeyError, match="Capaian"):
        page.table(pd.DataFrame({"A": [1]}), title="t", source="s", label="t", numeric=["Capaian"])


def test_figure_carries_its_description_into_the_chart_and_its_svg(shown, tmp_path):
    page = Page(chapter=6, year=2018, cite=CITE, directory=tmp_path)
    data = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    chart = alt.Chart(data).mark_bar().encode(x="x:Q", y="y:Q")
    number = page.figure(
        chart, title="Uji", source="Tabel 3.2", label="uji", data=data, description="Dua batang."
    )
    html = next(item.data for item in shown if "binjai-figure" in getattr(item, "data", ""))
    assert number == "Gambar 6.1"
    assert 'role="figure" aria-label="Dua batang."' in html
    assert '<p class="binjai-alt">Dua batang.</p>' in html
    assert '"description": "Dua batang."' in html  # Vega-Lite's own description
    assert (tmp_path / "downloads" / "2018-gambar-uji.csv").is_file()
    assert "<svg" in (tmp_path / "downloads" / "2018-gambar-uji.svg").read_text(encoding="utf-8")


def test_captions_cite_the_page_source_then_the_tables(shown, tmp_path):
    page = Page(chapter=5, year=2018, cite=CITE, directory=tmp_path)
    page.table(pd.DataFrame({"A": [1]}), title="Uji", source="Tabel 3.18", label="uji")
    page.table(
        pd.DataFrame({"A": [1]}), title="Apa adanya", source="Tabel 1.1", label="x", processed=False
    )
    first, second = (item.data for item in shown if "binjai-table" in getattr(item, "data", ""))
    assert "<strong>Tabel 5.1.</strong> Uji. Sumber: LKjIP Kota Uji 1999, Tabel 3.18 (diolah)." in (
        first
    )
    assert "Sumber: LKjIP Kota Uji 1999, Tabel 1.1.</figcaption>" in second
    assert "Binjai" not in first + second  # the cited title comes from the page, not the code


def test_cited_title_is_escaped(shown, tmp_path):
    page = Page(chapter=5, year=2018, cite="<b>LKjIP</b> & co", directory=tmp_path)
    page.table(pd.DataFrame({"A": [1]}), title="t", source="s", label="t")
    html = table_html(shown)
    assert "<b>LKjIP</b>" not in html
    assert "Sumber: &lt;b&gt;LKjIP&lt;/b&gt; &amp; co, s (diolah)." in html


def test_source_line_names_the_cited_source_and_whether_it_was_processed():
    assert source_line(CITE, "Tabel 3.18") == "Sumber: LKjIP Kota Uji 1999, Tabel 3.18 (diolah)."
    assert source_line(CITE, "Tabel 1.2", processed=False) == (
        "Sumber: LKjIP Kota Uji 1999, Tabel 1.2."
    )


def test_printed_lines_name_each_table_with_its_sorted_distinct_lines():
    rows = pd.DataFrame(
        {
            "source_table": ["Tabel 1.2", "Tabel 1.1", "Tabel 1.2", "Tabel 1.2"],
            "source_line": [747, 12, 684, 747],
        }
    )
    assert printed_lines(rows) == (
        "Tabel 1.1 (baris 12 teks sumber); Tabel 1.2 (baris 684, 747 teks sumber)"
    )


def test_sections_number_their_tables_and_figures_on_their_own(shown, tmp_path):
    page = Page(chapter=5, year=2018, cite=CITE, directory=tmp_path)
    frame = pd.DataFrame({"A": [1]})
    assert page.table(frame, title="Lepas", source="T", label="lepas") == "Tabel 5.1"
    assert page.table(frame, title="S9", source="T", label="s9", section=9) == "Tabel 5.9.1"
    assert page.table(frame, title="S10", source="T", label="s10", section=10) == "Tabel 5.10.1"
    assert page.table(frame, title="S10b", source="T", label="s10b", section=10) == "Tabel 5.10.2"
    assert page.table(frame, title="Lepas 2", source="T", label="lepas-2") == "Tabel 5.2"


@pytest.mark.parametrize("sources", [1, 3])
def test_a_group_of_repeated_tables_keeps_the_numbers_after_it(shown, tmp_path, sources):
    page = Page(chapter=12, cite=CITE, directory=tmp_path)
    frame = pd.DataFrame({"A": [1]})
    assert page.table(frame, title="Daftar", source="T", label="daftar") == "Tabel 12.1"
    group = page.group()
    numbers = [
        page.table(frame, title=f"Sumber {n}", source="T", label=f"sumber-{n}", section=group)
        for n in range(sources)
    ]
    assert numbers == [f"Tabel 12.2.{n + 1}" for n in range(sources)]
    assert page.table(frame, title="Kamus", source="T", label="kamus") == "Tabel 12.3"


def test_linked_columns_link_each_cell_to_its_source_line(shown, tmp_path):
    page = Page(chapter=5, year=2018, cite=CITE, directory=tmp_path, source="src")
    frame = pd.DataFrame({"Indikator": ["<A>", "B"], "Target": ["1.234,5", "<i>9</i>"]})
    page.table(
        frame,
        title="Uji",
        source="T",
        label="uji",
        lines={"Target": page.places(pd.Series([12, float("nan")]))},
    )
    html = table_html(shown)
    assert '<a class="binjai-line" href="../sumber/src/baris-00001.html#L12"' in html
    assert ">1.234,5</a>" in html
    assert "&lt;i&gt;9&lt;/i&gt;" in html and "<i>" not in html  # unlinked, still escaped
    assert "&lt;A&gt;" in html


def test_a_page_without_one_source_links_nothing(tmp_path):
    page = Page(chapter=5, directory=tmp_path)
    assert page.places(pd.Series([3, 4])) == [None, None]


def test_table_downloads_the_page_table_as_xlsx_and_exact_data_as_csv_and_json(shown, tmp_path):
    page = Page(
        chapter=5,
        year=2018,
        cite=CITE,
        directory=tmp_path,
        source="src",
        url="2018/capaian-kinerja.html",
        variant="uji",
        built="2026-12-01",
        commit="abcdef0123",
    )
    shown_frame = pd.DataFrame(
        {"Indikator": ["A", "B"], "Target": [format_number(1234.5, 1), format_number(7, 0)]}
    )
    data = pd.DataFrame({"indicator_id": ["A", "B"], "target": [1234.5, 7.0], "line": [12.0, 9]})
    page.table(
        shown_frame,
        title="Uji",
        source="Tabel 3.2",
        label="uji",
        data=data,
        lines={"Target": page.places(pd.Series([12, 9]))},
    )
    folder = tmp_path / "downloads"
    assert (folder / "2018-tabel-uji.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "indicator_id,target,line",
        "A,1234.5,12",
        "B,7,9",
    ]
    book = openpyxl.load_workbook(folder / "2018-tabel-uji.xlsx")
    sheet = book.worksheets[0]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    at = values.index(["Indikator", "Target"])
    assert values[at + 1 :] == [["A", 1234.5], ["B", 7]]
    assert values[0][0] == "Tabel 5.1. Uji"
    assert "Baris teks sumber: 9, 12" in [row[0] for row in values]
    assert "Varian: uji" in [row[0] for row in values]
    assert book.sheetnames[1] == "Kode"
    meta = json.loads((folder / "2018-tabel-uji.json").read_text(encoding="utf-8"))
    assert meta["url"] == "2018/capaian-kinerja.html#tabel-uji" and meta["commit"] == "abcdef0123"
    links = next(item.data for item in shown if str(getattr(item, "data", "")).startswith("Unduh"))
    assert "metadata JSON <downloads/2018-tabel-uji.json>" in links


def test_figure_data_csv_writes_whole_numbers_as_integers(shown, tmp_path):
    page = Page(chapter=6, year=2018, cite=CITE, directory=tmp_path)
    data = pd.DataFrame({"x": [1.0, 2.0], "y": [0.5, 4.0]})
    chart = alt.Chart(data).mark_bar().encode(x="x:Q", y="y:Q")
    page.figure(chart, title="Uji", source="T", label="uji", data=data, description="Dua.")
    text = (tmp_path / "downloads" / "2018-gambar-uji.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["x,y", "1,0.5", "2,4"]
