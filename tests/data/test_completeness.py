"""Every printed row is captured: counts match the source, re-read from it where possible."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PLAN_YEAR, REPORT_YEAR

MONEY = re.compile(
    r"(?<![\d.,])\.?\d{1,4}(?:[.,]\d{1,4}){2,}(?!\d)|\b\d{7,}(?:,\d{2})?\b|(?<![\d.,])0[.,]00\b"
)
"""A rupiah amount in any of the source's spellings (grouped, malformed, ungrouped, zero)."""


def money_tokens(lines: tuple[str, ...], first: int, stop: int) -> int:
    """How many amounts are printed on lines `first` to `stop - 1` of a source's `lines`."""
    return sum(len(MONEY.findall(lines[number - 1])) for number in range(first, stop))


def total_line(printed: dict, item: str) -> int:
    totals = printed["budget_totals"].set_index("item")
    return int(totals.loc[item, "source_line"])


def test_budget_table_has_every_printed_row_duplicates_included(printed, source):
    budget = printed["lkjip_budget"]
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
    end = total_line(printed, "budget_table_jumlah_anggaran")
    amounts = money_tokens(source.lines, 16907, end) - zero_percents
    assert amounts == 2 * rows  # every amount printed in the table is an anggaran or realisasi


def test_pk_budget_has_every_printed_row(printed, source):
    budget = printed["pk_budget"]
    assert budget["row_seq"].nunique() == len(budget) == 142
    assert set(budget["measure"]) == {"anggaran"}
    end = total_line(printed, "pk_jumlah_anggaran")
    assert money_tokens(source.lines, 23717, end) == len(budget)


def test_budget_totals_are_all_present(printed):
    items = set(printed["budget_totals"]["item"])
    assert {
        "budget_table_jumlah_anggaran",
        "budget_table_jumlah_realisasi",
        "budget_table_jumlah_persen",
        "ikhtisar_pagu",
        "ikhtisar_realisasi",
        "ikhtisar_persen",
        "ikhtisar_selisih",
        "pk_jumlah_anggaran",
    } <= items


def test_regional_profile_is_complete(printed):
    kecamatan = printed["kecamatan"]
    table = kecamatan[kecamatan["source_table"] == "Tabel 1.1"]
    assert table.groupby("measure")["kecamatan_id"].nunique().to_dict() == {
        "jumlah_lingkungan": 5,
        "luas_km2": 5,
    }
    kelurahan = printed["kelurahan"]
    assert len(kelurahan) == 37
    stated = kecamatan[
        (kecamatan["kecamatan_id"] == "kota_binjai") & (kecamatan["measure"] == "jumlah_kelurahan")
    ]["value"]
    assert set(stated) == {37.0}
    assert kelurahan.groupby("kecamatan_id").size().sum() == 37


def test_population_chart_has_five_kecamatan_per_series(printed):
    population = printed["population_kecamatan"]
    chart = population[
        (population["source_figure"] == "Gambar 1.2") & (population["measure"] != "chart_label")
    ]
    assert chart.groupby("measure")["kecamatan_id"].nunique().eq(5).all()


@pytest.mark.parametrize("name", ["lkjip_result_summary", "lkjip_results", "pk_targets"])
def test_every_sasaran_has_rows(printed, name):
    frame = printed[name]
    assert set(frame["sasaran_no"]) == set(range(1, 15))


def test_pk_targets_are_for_the_plan_year(printed):
    assert set(printed["pk_targets"]["year"]) == {PLAN_YEAR}
    assert set(printed["pk_targets"]["measure"]) == {"target"}


def test_result_summary_has_a_target_and_a_realisation_per_indicator(printed):
    frame = printed["lkjip_result_summary"]
    counts = frame.groupby(["sasaran_no", "indicator_name"])["measure"].apply(set)
    assert counts.map(lambda measures: {"target", "realisasi"} <= measures).all()
    assert len(counts) >= 120  # Bab III states 123 indicators


def test_every_per_sasaran_table_is_present(printed):
    tables = set(printed["lkjip_results"]["source_table"])
    assert {f"Tabel 3.{n}" for n in range(3, 18)} <= tables


def test_rating_scale_has_five_ratings(printed):
    scale = printed["rating_scale"]
    labels = scale[scale["bound"] == "label"]["raw"]
    assert list(labels) == ["Sangat Baik", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]


def test_strategic_framework_is_complete(printed):
    assert len(printed["misi"]) == 5
    assert len(printed["tujuan"]) == 7
    sasaran = printed["sasaran"]
    assert list(sasaran["sasaran_no"]) == list(range(1, 15))
    indicators = printed["indicators"]
    assert len(indicators) == 142  # every numbered item and sub-item of Tabel 2.3
    assert set(indicators["sasaran_id"]) == set(sasaran["sasaran_id"])
    assert set(printed["tujuan"]["misi_id"]) == set(printed["misi"]["misi_id"])


def test_rpjmd_targets_cover_the_plan_period_for_every_indicator(printed, source):
    period = source.origin.plan_period
    assert (period.start, period.end) == (2016, 2021)
    targets = printed["rpjmd_targets"]
    years = targets.groupby(["sasaran_no", "indicator_no", "indicator_name"])["year"].apply(set)
    assert years.map(lambda found: found == set(range(period.start, period.end + 1))).all()
    assert len(years) == 136
    assert set(targets["sasaran_no"]) == set(range(1, 15))


def test_lkjip_agreement_targets_cover_the_printed_sasaran(printed):
    targets = printed["lkjip_agreement_targets"]
    assert set(targets["year"]) == {REPORT_YEAR}
    assert set(targets["sasaran_no"]) == set(range(1, 15)) - {9}  # Tabel 2.2 prints no sasaran 9
