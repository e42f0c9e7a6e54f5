"""The "Profil daerah" page: area, population and density by kecamatan, and Gambar 1.2's shares."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.charts.profile import density_chart, population_chart
from binjai_analysis.data import load_all
from binjai_analysis.views import profile as view

TABLE_1_1_ORDER = ["Binjai Utara", "Binjai Timur", "Binjai Kota", "Binjai Barat", "Binjai Selatan"]


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return load_all()


@pytest.fixture(scope="module")
def profile(data) -> pd.DataFrame:
    return view.kecamatan_profile(data)


def test_profile_has_one_row_per_kecamatan_in_table_order(profile):
    assert list(profile["kecamatan"]) == TABLE_1_1_ORDER
    assert profile["luas_km2"].sum() == pytest.approx(90.23)
    assert profile["jumlah_lingkungan"].sum() == 284


def test_kelurahan_are_counted_and_listed_in_print_order(profile):
    counts = dict(zip(profile["kecamatan"], profile["jumlah_kelurahan"], strict=True))
    assert counts == {
        "Binjai Utara": 9,
        "Binjai Timur": 7,
        "Binjai Kota": 7,
        "Binjai Barat": 6,
        "Binjai Selatan": 8,
    }
    utara = profile.set_index("kecamatan").loc["Binjai Utara", "kelurahan"]
    assert utara.startswith("Pahlawan, Jatinegara, Nangka")
    assert utara.endswith("Jati Utomo")


def test_density_is_population_over_area(profile):
    kota = profile.set_index("kecamatan").loc["Binjai Kota"]
    assert kota["penduduk"] == 28_893
    assert kota["kepadatan"] == pytest.approx(28_893 / 4.12)  # 7 012,86 jiwa per km²
    assert profile["porsi_penduduk_pct"].sum() == pytest.approx(100.0)
    assert kota["porsi_penduduk_pct"] == pytest.approx(28_893 / 267_901 * 100)


def test_printed_percent_series_are_shares_as_the_parse_note_says(profile):
    # "Pertumbuhan Penduduk (%)" is each kecamatan's share of the population ...
    rounded = profile["porsi_penduduk_pct"].round(2)
    assert (profile["porsi_penduduk_tercetak"] == rounded).all()
    # ... and "Kepadatan Penduduk (%)" each density as a share of the sum of densities.
    gap = (profile["porsi_kepadatan_tercetak"] - profile["porsi_kepadatan_pct"]).abs()
    assert gap.max() < 0.02 + 1e-9
    assert profile["porsi_kepadatan_pct"].sum() == pytest.approx(100.0)


def test_city_totals_are_the_printed_figures(data):
    totals = view.city_totals(data)
    assert totals["penduduk"] == 267_901
    assert totals["luas_km2"] == pytest.approx(90.23)
    assert totals["jumlah_kelurahan"] == 37


def test_figures_for_the_text_are_formatted_and_consistent(data):
    figures = view.profile_figures(data)
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


def test_compare_shares_reports_the_largest_gap():
    printed = pd.Series([50.0, 50.0])
    assert view.compare_shares(printed, pd.Series([49.996, 50.004])).startswith("sama dengan")
    assert view.compare_shares(printed, pd.Series([49.7, 50.3])).endswith("0,30 poin")


def test_area_and_population_tables_end_with_the_city_total(profile):
    shown, exact = view.area_table(profile)
    assert list(shown["No."]) == ["1", "2", "3", "4", "5", ""]
    assert shown.iloc[-1]["Luas (km²)"] == "90,23"
    assert shown.iloc[-1]["Kelurahan"] == "37"
    assert exact.iloc[-1]["porsi_luas_pct"] == 100.0
    shown, exact = view.population_table(profile)
    total = shown.iloc[-1]
    assert (total["Penduduk (jiwa)"], total["Kepadatan (jiwa/km²)"]) == ("267.901", "2.969")
    assert shown.iloc[2]["Porsi penduduk kota"] == "10,8\u00a0%"
    assert exact.iloc[-1]["kepadatan"] == pytest.approx(267_901 / 90.23)


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
    chart, data = make(profile)
    spec = chart.to_dict()
    assert spec["title"]["text"]
    assert spec["description"]
    bars = spec["layer"][0]
    assert bars["encoding"]["x"]["title"]
    assert len(bars["encoding"]["tooltip"]) >= 3
    value = "penduduk" if make is population_chart else "kepadatan"
    assert list(data[value]) == sorted(data[value], reverse=True)
    assert len(data) == len(profile)
