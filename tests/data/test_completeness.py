"""Every printed row is captured: counts match the source, re-read from it where possible."""

from __future__ import annotations

import re

import pytest

from binjai_analysis import data
from binjai_analysis.data.source import source_lines

MONEY = re.compile(
    r"(?<![\d.,])\.?\d{1,4}(?:[.,]\d{1,4}){2,}(?!\d)|\b\d{7,}(?:,\d{2})?\b|(?<![\d.,])0[.,]00\b"
)
"""A rupiah amount in any of the source's spellings (grouped, malformed, ungrouped, zero)."""


def money_tokens(first: int, stop: int) -> int:
    """How many amounts are printed on lines `first` to `stop - 1` of the source."""
    lines = source_lines()
    return sum(len(MONEY.findall(lines[number - 1])) for number in range(first, stop))


def total_line(item: str) -> int:
    totals = data.load_budget_totals().set_index("item")
    return int(totals.loc[item, "source_line"])


def test_tabel_3_18_has_every_printed_row_duplicates_included():
    budget = data.load_budget_2018()
    rows = budget["row_seq"].nunique()
    assert rows == 162  # printed rows, numbered up to 151 with restarts and repeats
    assert (
        budget.groupby("row_seq")["measure"]
        .apply(set)
        .map(lambda measures: measures == {"anggaran", "realisasi", "persen"})
        .all()
    )
    percents = budget.loc[budget["measure"] == "persen", "raw"]
    zero_percents = sum(bool(MONEY.fullmatch(raw)) for raw in percents)  # "0,00" looks like money
    printed = money_tokens(16907, total_line("tabel_3_18_jumlah_anggaran")) - zero_percents
    assert printed == 2 * rows  # every amount printed in the table is an anggaran or realisasi


def test_pk_2019_budget_has_every_printed_row():
    budget = data.load_pk2019_budget()
    assert budget["row_seq"].nunique() == len(budget) == 142
    assert set(budget["measure"]) == {"anggaran"}
    assert money_tokens(23717, total_line("pk_2019_jumlah_anggaran")) == len(budget)


def test_budget_totals_are_all_present():
    items = set(data.load_budget_totals()["item"])
    assert {
        "tabel_3_18_jumlah_anggaran",
        "tabel_3_18_jumlah_realisasi",
        "tabel_3_18_jumlah_persen",
        "ikhtisar_pagu",
        "ikhtisar_realisasi",
        "ikhtisar_persen",
        "ikhtisar_selisih",
        "pk_2019_jumlah_anggaran",
    } <= items


def test_regional_profile_is_complete():
    kecamatan = data.load_kecamatan()
    table = kecamatan[kecamatan["source_table"] == "Tabel 1.1"]
    assert table.groupby("measure")["kecamatan_id"].nunique().to_dict() == {
        "jumlah_lingkungan": 5,
        "luas_km2": 5,
    }
    kelurahan = data.load_kelurahan()
    assert len(kelurahan) == 37
    stated = kecamatan[
        (kecamatan["kecamatan_id"] == "kota_binjai") & (kecamatan["measure"] == "jumlah_kelurahan")
    ]["value"]
    assert set(stated) == {37.0}
    assert kelurahan.groupby("kecamatan_id").size().sum() == 37


def test_population_chart_has_five_kecamatan_per_series():
    population = data.load_population_kecamatan()
    chart = population[
        (population["source_figure"] == "Gambar 1.2") & (population["measure"] != "chart_label")
    ]
    assert chart.groupby("measure")["kecamatan_id"].nunique().eq(5).all()


@pytest.mark.parametrize(
    "name", ["realisations_tabel_3_2", "realisations_sasaran", "pk2019_targets"]
)
def test_every_sasaran_has_rows(name):
    frame = data.LOADERS[name]()
    assert set(frame["sasaran_no"]) == set(range(1, 15))


def test_tabel_3_2_has_a_target_and_a_realisation_per_indicator():
    frame = data.load_realisations_tabel_3_2()
    counts = frame.groupby(["sasaran_no", "indicator_name"])["measure"].apply(set)
    assert counts.map(lambda measures: {"target", "realisasi"} <= measures).all()
    assert len(counts) >= 120  # Bab III states 123 indicators


def test_every_per_sasaran_table_is_present():
    tables = set(data.load_realisations_sasaran()["source_table"])
    assert {f"Tabel 3.{n}" for n in range(3, 18)} <= tables


def test_rating_scale_has_five_ratings():
    scale = data.load_rating_scale()
    labels = scale[scale["bound"] == "label"]["raw"]
    assert list(labels) == ["Sangat Baik", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]


def test_strategic_framework_is_complete():
    assert len(data.load_misi()) == 5
    assert len(data.load_tujuan()) == 7
    sasaran = data.load_sasaran()
    assert list(sasaran["sasaran_no"]) == list(range(1, 15))
    indicators = data.load_indicators()
    assert len(indicators) == 142  # every numbered item and sub-item of Tabel 2.3
    assert set(indicators["sasaran_id"]) == set(sasaran["sasaran_id"])
    assert set(data.load_tujuan()["misi_id"]) == set(data.load_misi()["misi_id"])


def test_rpjmd_targets_cover_2016_to_2021_for_every_indicator():
    targets = data.load_targets_rpjmd()
    years = targets.groupby(["sasaran_no", "indicator_no", "indicator_name"])["year"].apply(set)
    assert years.map(lambda found: found == set(range(2016, 2022))).all()
    assert len(years) == 136
    assert set(targets["sasaran_no"]) == set(range(1, 15))


def test_pk_2018_targets_cover_the_printed_sasaran():
    targets = data.load_targets_pk2018()
    assert set(targets["year"]) == {2018}
    assert set(targets["sasaran_no"]) == set(range(1, 15)) - {9}  # Tabel 2.2 prints no sasaran 9
