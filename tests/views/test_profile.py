"""The "Profil daerah" page: area, population and density by kecamatan, and Gambar 1.2's shares.

The computations themselves (`analysis.profile`) are tested in tests/analysis/test_profile.py.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from binjai_analysis.analysis.profile import Profile, kecamatan_profile, latest_profile
from binjai_analysis.charts.profile import density_chart, population_chart
from binjai_analysis.presentation import Page
from binjai_analysis.views import profile as view
from tests.conftest import REPORT_YEAR

CITE = "LKjIP Kota Binjai 2018"


@pytest.fixture(scope="module")
def data(model) -> Profile:
    return latest_profile(model)


@pytest.fixture(scope="module")
def profile(data) -> pd.DataFrame:
    return kecamatan_profile(data)


def test_figures_for_the_text_are_formatted_and_consistent(data):
    figures = view.profile_figures(data)
    assert (figures["region"], figures["province"]) == ("Kota Binjai", "Sumatera Utara")
    assert figures["luas_kota"] == "90,23"
    assert figures["luas_agree"] == "sama dengan"
    assert figures["penduduk_kota"] == "267.901"
    assert figures["penduduk_agree"] == "sama dengan"
    assert figures["kepadatan_kota"] == "2.969"  # 267 901 / 90,23 = 2 969,1
    assert (figures["densest_name"], figures["densest_value"]) == ("Binjai Kota", "7.013")
    assert (figures["sparsest_name"], figures["sparsest_value"]) == ("Binjai Selatan", "1.816")
    assert figures["density_ratio"] == "3,9"  # 7 012,9 / 1 816,5
    assert figures["largest_name"] == "Binjai Selatan"
    assert figures["most_name"] == "Binjai Utara"
    assert figures["share_check"] == "sama dengan hitungan ulang kami setelah pembulatan"
    assert "0,02 poin" in figures["density_share_check"]
    assert (figures["n_kecamatan"], figures["n_kelurahan"]) == ("5", "37")


def test_compare_shares_reports_the_largest_gap():
    printed = pd.Series([50.0, 50.0])
    assert view.compare_shares(printed, pd.Series([49.996, 50.004])).startswith("sama dengan")
    assert view.compare_shares(printed, pd.Series([49.7, 50.3])).endswith("0,30 poin")


def test_area_and_population_tables_end_with_the_city_total(profile, data):
    shown, exact = view.area_table(profile, data.region)
    assert list(shown["No."]) == ["1", "2", "3", "4", "5", ""]
    assert shown.iloc[-1]["Kecamatan"] == "Kota Binjai (jumlah)"
    assert shown.iloc[-1]["Luas (km²)"] == "90,23"
    assert shown.iloc[-1]["Kelurahan"] == "37"
    assert exact.iloc[-1]["porsi_luas_pct"] == 100.0
    shown, exact = view.population_table(profile, data.region)
    total = shown.iloc[-1]
    assert (total["Penduduk (jiwa)"], total["Kepadatan (jiwa/km²)"]) == ("267.901", "2.969")
    assert shown.iloc[2]["Porsi penduduk kota"] == "10,8\u00a0%"
    assert exact.iloc[-1]["kepadatan"] == pytest.approx(267_901 / 90.23)


def test_the_total_row_is_named_after_the_region_given(profile):
    shown, _ = view.area_table(profile, "Kota Uji")
    assert shown.iloc[-1]["Kecamatan"] == "Kota Uji (jumlah)"
    shown, _ = view.population_table(profile, "Kota Uji")
    assert shown.iloc[-1]["Kecamatan"] == "Kota Uji (jumlah)"


def test_shares_table_shows_both_series_with_rounding_gap(profile):
    shown, exact = view.shares_table(profile)
    assert len(shown) == 2 * len(profile)
    utara_density = exact[exact["seri"].str.contains("Kepadatan")].iloc[0]
    assert utara_density["kecamatan"] == "Binjai Utara"
    assert utara_density["selisih_poin"] == pytest.approx(0.02)  # 16,95 printed, 16,93 ours
    assert (exact[exact["seri"].str.contains("Pertumbuhan")]["selisih_poin"] == 0).all()
    assert "−" in set(shown["Selisih setelah pembulatan (poin)"].str[0])


def test_kelurahan_table_lists_names(profile):
    shown, _ = view.kelurahan_table(profile)
    assert list(shown.columns) == ["Kecamatan", "Kelurahan", "Jumlah kelurahan"]
    assert "Pekan Binjai" in shown.set_index("Kecamatan").loc["Binjai Kota", "Kelurahan"]


@pytest.mark.parametrize("make", [population_chart, density_chart])
def test_charts_are_titled_with_axis_titles_tooltips_and_sorted_data(profile, make):
    chart, data = make(profile) if make is population_chart else make(profile, "Kota Binjai")
    spec = chart.to_dict()
    assert spec["title"]["text"]
    assert spec["description"]
    bars = spec["layer"][0]
    assert bars["encoding"]["x"]["title"]
    assert len(bars["encoding"]["tooltip"]) >= 3
    value = "penduduk" if make is population_chart else "kepadatan"
    assert list(data[value]) == sorted(data[value], reverse=True)
    assert len(data) == len(profile)


def test_the_page_shows_its_tables_and_charts(data, tmp_path, shown):
    page = Page(chapter=2, year=REPORT_YEAR, cite=CITE, directory=tmp_path)
    view.show_area_table(page, data)
    view.show_kelurahan(page, data)
    view.show_population_table(page, data)
    view.show_charts(page, data)
    view.show_shares(page, data)
    assert (page.tables, page.figures) == (4, 2)
    html = " ".join(obj.data for obj in shown if type(obj).__name__ == "HTML")
    assert f"Sumber: {CITE}, Tabel 1.1 (diolah)." in html
    assert f"Sumber: {CITE}, Tabel 1.1." in html  # the kelurahan, as printed
    assert "Kota Binjai (jumlah)" in html
    markdown = " ".join(obj.data for obj in shown if type(obj).__name__ == "Markdown")
    assert "sama dengan hitungan ulang kami setelah pembulatan" in markdown


def test_the_descriptions_name_the_region_of_the_profile(data, tmp_path, shown):
    other = replace(data, region="Kota Uji")
    page = Page(chapter=2, year=REPORT_YEAR, cite=CITE, directory=tmp_path)
    view.show_charts(page, other)
    html = " ".join(obj.data for obj in shown if type(obj).__name__ == "HTML")
    assert "5 kecamatan Kota Uji" in html and "kepadatan rata-rata Kota Uji" in html


def test_the_density_chart_names_the_region_of_the_profile(data, tmp_path, shown):
    other = replace(data, region="Kota Uji")
    page = Page(chapter=2, year=REPORT_YEAR, cite="LKjIP Kota Uji 1999", directory=tmp_path)
    view.show_charts(page, other)
    html = " ".join(obj.data for obj in shown if type(obj).__name__ == "HTML")
    assert "Kota Binjai" not in html
    assert "kepadatan Kota Uji" in html
