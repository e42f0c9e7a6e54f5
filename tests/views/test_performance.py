"""Views of the chapter "Capaian kinerja": the sasaran's generated statement and narrative."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.presentation import Page
from binjai_analysis.views import performance as view
from tests.conftest import REPORT_YEAR
from tests.test_formatting import SCRIPT, assert_shows_as_text


@pytest.fixture(scope="module")
def results(analysis) -> pd.DataFrame:
    return analysis.results


def test_sasaran_markdown_names_the_lowest_capaian(results):
    text = view.sasaran_markdown(results, "S02")
    statement = view.sasaran_statement(results, "S02")
    assert text.startswith(f"*{statement}*\n\n")
    # S02.I08 prints its target per 1.000 residents and its realisation in %: no capaian
    assert "Realisasi 8 indikator sasaran ini dilaporkan; 7 di antaranya" in text
    assert "Capaian terendah: Rasio Akseptor KB (97,6 %)." in text


def test_sasaran_markdown_shows_hostile_names_as_text(results):
    hostile = results.assign(name=SCRIPT, sasaran="<b>Sasaran</b> *dua* {doc}`x`")
    text = view.sasaran_markdown(hostile, "S02")
    assert_shows_as_text(
        text, "<b>Sasaran</b> *dua* {doc}`x`", f"Capaian terendah: {SCRIPT} (97,6 %)."
    )


def test_headline_figures_count_the_year_results(results):
    figures = view.headline_figures(results)
    usable = results[results["capaian"].notna()]
    assert figures["indicators"] == str(len(results))
    assert figures["usable"] == str(len(usable))
    assert figures["met"] == str(int(usable["met"].sum()))


def test_show_sasaran_cites_the_tables_of_its_rows(results, tmp_path, shown):
    page = Page(chapter=5, year=REPORT_YEAR, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    view.show_sasaran(page, results, "S02")
    assert (page.tables, page.figures) == (1, 1)
    tables = ", ".join(sorted(set(view.sasaran_rows(results, "S02")["source_table"])))
    html = [obj.data for obj in shown if type(obj).__name__ == "HTML"]
    assert all(f"Sumber: LKjIP Kota Binjai 2018, {tables} (diolah)." in part for part in html)
    assert (tmp_path / "downloads" / "2018-tabel-capaian-s02.csv").is_file()


def test_headline_text_follows_the_options():
    from binjai_analysis.analysis.year import AnalysisOptions

    text = view.headline_text(AnalysisOptions())
    assert "capaian dibatasi 0–120 %" in text and "tercapai atau tidak" in text
    assert view.headline_text(AnalysisOptions(cap=None, floor=None, ordinal="rank")).startswith(
        "Capaian tidak dibatasi."
    )


def section_numbers(page: Page, results: pd.DataFrame, shown: list) -> dict[str, str]:
    """`{element id: number}` of every sasaran section drawn on `page`."""
    from binjai_analysis.build.urls import numbered_elements

    shown.clear()
    for sasaran_id in sorted(set(results["sasaran_id"])):
        view.show_sasaran(page, results, sasaran_id)
    return numbered_elements("".join(getattr(item, "data", "") for item in shown))


def test_numbers_stay_put_when_a_chart_of_one_section_is_absent(results, tmp_path, shown):
    chapter = Page(chapter=5, year=REPORT_YEAR, directory=tmp_path / "all")
    every = section_numbers(chapter, results, shown)
    without = results.assign(capaian=results["capaian"].where(results["sasaran_id"] != "S02"))
    fewer = section_numbers(Page(chapter=5, directory=tmp_path / "fewer"), without, shown)
    assert "gambar-capaian-s02" in every and "gambar-capaian-s02" not in fewer
    assert {key: number for key, number in every.items() if key != "gambar-capaian-s02"} == fewer
    assert every["tabel-capaian-s10"] == "Tabel 5.10.1"
