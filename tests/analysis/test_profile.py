"""The regional profile (`analysis.profile`): area, kelurahan, population and density by
kecamatan, from the latest document that prints them; golden figures from Tabel 1.1 and
Gambar 1.2 of the LKjIP 2018."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from binjai_analysis.analysis.profile import (
    PROFILE_TABLES,
    Profile,
    city_id,
    city_totals,
    kecamatan_profile,
    latest_profile,
    with_total,
)
from binjai_analysis.errors import DataError
from tests.conftest import REPORT_YEAR, SOURCE_ID

TABLE_1_1_ORDER = ["Binjai Utara", "Binjai Timur", "Binjai Kota", "Binjai Barat", "Binjai Selatan"]


@pytest.fixture(scope="module")
def data(model) -> Profile:
    return latest_profile(model)


@pytest.fixture(scope="module")
def profile(data) -> pd.DataFrame:
    return kecamatan_profile(data)


# --- which document ------------------------------------------------------------------------------


def test_the_profile_is_the_vendored_report_with_its_region(data):
    assert (data.region, data.province) == ("Kota Binjai", "Sumatera Utara")
    assert (data.source, data.document_year) == (SOURCE_ID, REPORT_YEAR)
    for name in PROFILE_TABLES:
        table = getattr(data, name)
        assert len(table) and set(table["source"]) == {SOURCE_ID}
        assert set(table["document"]) == {"lkjip-2018"}


def test_the_latest_document_that_prints_the_tables_is_used(model):
    def later(name: str) -> pd.DataFrame:
        rows = model[name].assign(document="lkjip-2020", document_year=2020)
        if name == "population_kecamatan":
            rows = rows.assign(value=rows["value"] * 2)
        return pd.concat([model[name], rows], ignore_index=True)

    tables = {**model.tables, **{name: later(name) for name in PROFILE_TABLES}}
    data = latest_profile(replace(model, tables=tables))
    assert data.document_year == 2020
    assert set(data.kecamatan["document"]) == {"lkjip-2020"}
    assert set(data.population_kecamatan["document"]) == {"lkjip-2020"}
    assert city_totals(data)["penduduk"] == 2 * 267_901  # the 2020 rows, not the 2018 ones


def test_without_a_kecamatan_table_there_is_no_profile(model):
    tables = {**model.tables, "kecamatan": model["kecamatan"].iloc[0:0]}
    with pytest.raises(DataError, match="kecamatan"):
        latest_profile(replace(model, tables=tables))


# --- per kecamatan -------------------------------------------------------------------------------


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
    assert profile["porsi_luas_pct"].sum() == pytest.approx(100.0)


def test_printed_percent_series_are_shares_as_the_parse_note_says(profile):
    # "Pertumbuhan Penduduk (%)" is each kecamatan's share of the population ...
    rounded = profile["porsi_penduduk_pct"].round(2)
    assert (profile["porsi_penduduk_tercetak"] == rounded).all()
    # ... and "Kepadatan Penduduk (%)" each density as a share of the sum of densities.
    gap = (profile["porsi_kepadatan_tercetak"] - profile["porsi_kepadatan_pct"]).abs()
    assert gap.max() < 0.02 + 1e-9
    assert profile["porsi_kepadatan_pct"].sum() == pytest.approx(100.0)


# --- the city ------------------------------------------------------------------------------------


def test_city_totals_are_the_printed_figures(data):
    assert city_id(data) == "kota_binjai"  # the rows named like the source's region
    totals = city_totals(data)
    assert totals["penduduk"] == 267_901
    assert totals["luas_km2"] == pytest.approx(90.23)
    assert totals["jumlah_kelurahan"] == 37
    assert totals["jumlah_kecamatan"] == 5


def test_city_rows_must_be_named_like_the_region(data):
    with pytest.raises(DataError, match="'Kota Uji'"):
        city_id(replace(data, region="Kota Uji"))


def test_with_total_ends_with_the_region_total(profile):
    table = with_total(profile, "Kota Uji")
    assert list(table["no"]) == ["1", "2", "3", "4", "5", ""]
    total = table.iloc[-1]
    assert total["kecamatan"] == "Kota Uji (jumlah)"  # the region given, not a fixed name
    assert total["luas_km2"] == pytest.approx(90.23)
    assert total["jumlah_kelurahan"] == 37 and total["jumlah_lingkungan"] == 284
    assert total["penduduk"] == 267_901
    assert total["kepadatan"] == pytest.approx(267_901 / 90.23)
    assert (total["porsi_luas_pct"], total["porsi_penduduk_pct"]) == (100.0, 100.0)
    assert list(table["kecamatan"].iloc[:-1]) == TABLE_1_1_ORDER
