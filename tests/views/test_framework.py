"""The "Kerangka strategis" page: misi → tujuan → sasaran → indikator, counts and HTML tree."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.years import Framework, framework_for
from binjai_analysis.presentation import Page
from binjai_analysis.views import framework as view
from tests.conftest import REPORT_YEAR
from tests.test_formatting import SCRIPT, assert_shows_as_text


@pytest.fixture(scope="module")
def data(model) -> Framework:
    """The framework of the plan period covering the report year (RPJMD 2016–2021)."""
    return framework_for(model, REPORT_YEAR)


@pytest.fixture(scope="module")
def framework(data) -> pd.DataFrame:
    return view.framework_table(data)


@pytest.fixture
def shown(shown, monkeypatch) -> list:
    """conftest's `shown`, plus what this view displays itself (its HTML trees)."""
    monkeypatch.setattr(view, "display", shown.append)
    return shown


def test_the_framework_is_the_one_of_the_year(data, year_data):
    assert data.period.title == "RPJMD Kota Binjai 2016–2021"
    assert (data.period.start, data.period.end) == (2016, 2021)
    assert data.period == year_data.framework.period


def test_every_indicator_reaches_a_misi(framework, data):
    assert len(framework) == len(data.indicators)
    assert framework[["sasaran", "tujuan", "misi"]].notna().all().all()
    s07 = framework[framework["sasaran_id"] == "S07"].iloc[0]
    assert (s07["tujuan_id"], s07["misi_id"]) == ("T4", "M2")


def test_missing_units_and_agencies_are_missing_not_empty_strings(framework):
    assert framework["unit"].isna().sum() == 28
    assert framework["agency"].isna().sum() == 12
    assert not (framework["unit"] == "").any()


def test_counts_by_misi_add_up(framework):
    counts = view.counts_by_misi(framework).set_index("misi_id")
    assert counts["indikator"].sum() == len(framework)
    assert counts["tujuan"].sum() == 7
    assert counts["sasaran"].sum() == 14
    assert counts.loc["M1", ["tujuan", "sasaran", "indikator"]].tolist() == [3, 5, 32]
    assert counts.loc["M1", ["higher", "lower", "qualitative"]].tolist() == [25, 4, 3]
    polarity = counts[["higher", "lower", "qualitative"]].sum(axis=1)
    assert (polarity == counts["indikator"]).all()


def test_counts_table_has_themes_and_a_total_row(framework):
    shown, exact = view.counts_table(framework)
    assert list(shown["Tema"])[:2] == ["Smart Governance", "Smart People"]
    assert shown.iloc[-1]["Misi"] == "Jumlah"
    assert shown.iloc[-1]["Indikator"] == "142"
    assert exact.iloc[-1]["higher"] + exact.iloc[-1]["lower"] + exact.iloc[-1][
        "qualitative"
    ] == len(framework)


def test_misi_theme_falls_back_to_the_statement():
    assert view.misi_theme("Menuju kota (Smart Economy dan Smart Environment)") == (
        "Smart Economy dan Smart Environment"
    )
    assert view.misi_theme("Tanpa tema") == "Tanpa tema"


def test_figures_are_generated_from_the_data(data):
    figures = view.framework_figures(data)
    assert figures["period"] == "RPJMD Kota Binjai 2016–2021"
    assert figures["n_misi"] == "5"
    assert figures["n_indikator"] == "142"
    assert (figures["n_higher"], figures["n_lower"], figures["n_qualitative"]) == (
        "116",
        "23",
        "3",
    )
    assert (figures["most_sasaran"], figures["most_sasaran_n"]) == ("7", "31")
    assert (figures["fewest_n"], figures["fewest_count"]) == ("2", "4")


def test_misi_html_nests_tujuan_sasaran_and_indicators(framework):
    html = view.misi_html(framework, "M1")
    assert html.count("<details") == 3 + 5  # 3 tujuan, 5 sasaran
    assert html.count("<li") == 32
    assert html.count("<details") == html.count("</details>")
    assert "S01.I01" in html and "makin rendah makin baik" in html and "kategori" in html
    assert "Satuan: tidak tercantum" in html  # S01.I03 has no unit
    assert 'id="sasaran-1"' in html


def test_indicator_text_is_escaped():
    row = pd.Series(
        {
            "name": "A <b>bold</b> & co",
            "indicator_id": "S99.I01",
            "unit": "<%>",
            "polarity_label": "makin tinggi makin baik",
            "agency": pd.NA,
        }
    )
    item = view.indicator_item(row)
    assert "<b>" not in item and "A &lt;b&gt;bold&lt;/b&gt; &amp; co" in item
    assert "&lt;%&gt;" in item
    assert "Perangkat daerah: tidak tercantum" in item


def test_misi_narrative_counts(framework):
    text = view.misi_narrative(framework, "M2")
    assert "1 tujuan, 2 sasaran dan 37 indikator" in text
    assert "27 makin tinggi makin baik, 10 makin rendah makin baik" in text
    assert "kategori" not in text  # no qualitative indicator in misi 2


def test_indicator_list_and_chart(framework):
    shown, exact = view.indicator_list(framework)
    assert list(shown.columns) == ["Kode", "Indikator", "Satuan", "Arah", "Perangkat daerah"]
    assert len(shown) == len(exact) == 142
    assert {"misi_id", "tujuan_id", "sasaran_id", "source_line"} <= set(exact.columns)
    chart_data = view.per_sasaran_chart_data(framework)
    assert chart_data["indikator"].sum() == 142
    assert chart_data.groupby("sasaran_no")["indikator"].sum().loc[7] == 31
    spec = view.per_sasaran_chart(framework).to_dict()
    assert spec["encoding"]["x"]["title"] == "Jumlah indikator"
    assert spec["encoding"]["color"]["scale"]["domain"][0] == "makin tinggi makin baik"
    assert spec["description"] and spec["title"]["text"]


def test_misi_narrative_shows_a_hostile_statement_as_text(framework):
    hostile = framework.assign(misi=f"{SCRIPT} *Misi* [dua]")
    assert_shows_as_text(view.misi_narrative(hostile, "M2"), f"{SCRIPT} *Misi* [dua]")


def test_sources_name_the_framework_tables_and_the_iku_list(model, data):
    iku = view.key_indicators(model, data)
    assert iku == "IKU 2018"
    assert view.framework_source(data) == "Tabel 2.3, Bab II"
    assert view.framework_source(data, iku) == "Tabel 2.3, Bab II; IKU 2018"


def test_the_page_shows_counts_chart_misi_and_list(model, data, tmp_path, shown):
    iku = view.key_indicators(model, data)
    page = Page(chapter=3, year=REPORT_YEAR, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    view.show_overview(page, data, iku)
    view.show_misi(data, "M1")
    view.show_indicator_list(page, data, iku)
    assert (page.tables, page.figures) == (2, 1)
    html = [obj.data for obj in shown if type(obj).__name__ == "HTML"]
    assert any('id="sasaran-1"' in part for part in html)
    assert any("sortable" in part and "Tabel 3.2." in part for part in html)
    assert sum("; IKU 2018 (diolah)." in part for part in html) == 3
