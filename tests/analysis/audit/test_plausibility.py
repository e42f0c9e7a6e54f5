"""Plausibility: bounded rates, counts against the population, jumps, ratios, extreme capaian."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import plausibility
from binjai_analysis.data.model import load_model

SOURCE = "lkjip-binjai-2018"


def value_row(line, raw, value, measure="target", name="APM Jenjang SD", unit="%", **extra):
    row = {
        "printed_table": "rpjmd_targets",
        "basis": "rpjmd",
        "source_table": "Tabel 2.4",
        "source_line": line,
        "raw": raw,
        "value": value,
        "measure": measure,
        "indicator_id": "S07.I09",
        "indicator_name": name,
        "indicator_no": "1",
        "sasaran_no": 7,
        "unit": unit,
        "year": 2018,
    }
    return {**row, **extra}


INDICATORS = pd.DataFrame([{"indicator_id": "S07.I09", "name": "APM Jenjang SD", "unit": "%"}])


# --- bounded rates ---------------------------------------------------------------------------


def test_bounded_kinds_by_name_and_unit():
    assert plausibility.bounded_kind("Angka Partisipasi Murni SMP", "persen") == "net_enrolment"
    assert plausibility.bounded_kind("Cakupan kelurahan UCI", "%") == "coverage"
    assert plausibility.bounded_kind("Persentase rumah tangga yang ber-PHBS", "%") == "share"
    assert plausibility.bounded_kind("APK Jenjang SMA", "%") is None
    assert plausibility.bounded_kind("Persentase pertumbuhan PAD", "%") is None
    assert plausibility.bounded_kind("Cakupan jalan", "km") is None


def test_bounded_rate_over_100():
    rows = pd.DataFrame([value_row(10, "101,76%", 101.76), value_row(11, "99,5%", 99.5)])
    (erratum,) = plausibility.audit_bounded_rates(rows, INDICATORS)
    assert (erratum.kind, erratum.item, erratum.source_line) == (
        "impossible_value",
        "rate_over_100",
        10,
    )
    assert (erratum.expected, erratum.difference) == ("net_enrolment", pytest.approx(-1.76))


def test_unbounded_rate_and_rounding_are_left_alone():
    gross = pd.DataFrame(
        [value_row(10, "121,98%", 121.98, name="APK Jenjang SD", indicator_id="S07.I10")]
    )
    assert plausibility.audit_bounded_rates(gross, INDICATORS) == []
    rounded = pd.DataFrame([value_row(10, "100,4", 100.4, indicator_id="X")])
    assert plausibility.audit_bounded_rates(rounded.assign(raw="100"), INDICATORS) == []


# --- counts against the population -----------------------------------------------------------


def test_counts_in_text_skip_rates():
    lines = ["sebanyak 216.662 KK dan 22.421 KK", "per 10.000 penduduk", "2018 270.926 orang"]
    assert plausibility.counts_in_text(lines) == [
        (1, "216.662 KK", 216662.0, "households"),
        (1, "22.421 KK", 22421.0, "households"),
        (3, "270.926 orang", 270926.0, "persons"),
    ]


def test_counts_over_population():
    population = pd.Series({"source_table": "Kependudukan", "source_line": 5, "raw": "267.901"})
    counts = [
        (1, "216.662 KK", 216662.0, "households"),
        (2, "22.421 KK", 22421.0, "households"),
        (3, "270.926 orang", 270926.0, "persons"),
        (4, "400.000 jiwa", 400000.0, "persons"),
    ]
    errata = plausibility.audit_counts_over_population(counts, 267901.0, population)
    assert [(e.source_line, e.item) for e in errata] == [
        (1, "households_over_population"),
        (4, "count_over_population"),
    ]
    assert errata[0].other_line == 5


# --- jumps -----------------------------------------------------------------------------------


def test_series_outliers():
    assert plausibility.series_outliers([320.756, 326.203, 32075.6, 335.083]) == [2]
    assert plausibility.series_outliers([1, 2, 4, 8, 16, 32]) == []  # growing
    assert plausibility.series_outliers([5, 5, 5, 5, 5, 45]) == []  # under the factor
    assert plausibility.series_outliers([0, 5, 5000]) == []  # no ratio through zero


def test_series_jump_erratum():
    rows = pd.DataFrame(
        [
            value_row(10, "12,1", 12.1, year=2016, name="Jumlah X", unit=""),
            value_row(11, "12,2", 12.2, year=2017, name="Jumlah X", unit=""),
            value_row(12, "12.150", 12150.0, year=2018, name="Jumlah X", unit=""),
            value_row(13, "12,4", 12.4, year=2019, name="Jumlah X", unit=""),
        ]
    )
    (erratum,) = plausibility.audit_series_jumps(rows, ["indicator_id", "measure"])
    assert (erratum.item, erratum.source_line, erratum.year) == ("series_jump", 12, 2018)
    assert erratum.computed == pytest.approx(12.2)
    steady = rows.assign(value=[12.1, 12.2, 12.3, 12.4])
    assert plausibility.audit_series_jumps(steady, ["indicator_id", "measure"]) == []


# --- ratios ----------------------------------------------------------------------------------


def ratio_rows(realisation):
    common = {"source_table": "Tabel 3.9a", "name": "Rasio RS", "unit": ""}
    return pd.DataFrame(
        [
            value_row(20, "1:264.935", 264935.0, "target", **common),
            value_row(20, realisation, None, "realisasi", **common),
        ]
    )


def test_ratio_in_another_form_than_its_target():
    (erratum,) = plausibility.audit_ratio_forms(ratio_rows("9 : 270.926"))
    assert (erratum.item, erratum.printed, erratum.other_printed) == (
        "ratio_form",
        "9 : 270.926",
        "1:264.935",
    )
    assert erratum.computed == pytest.approx(30102.89, abs=0.01)


def test_ratio_in_the_targets_form():
    assert plausibility.audit_ratio_forms(ratio_rows("1:270.926")) == []
    assert plausibility.audit_ratio_forms(ratio_rows("2 : 529.870")) == []


def test_percent_of_count():
    wrong = [
        "jumlah kelurahan yang telah UCI sebanyak 7 kelurahan",
        "dibandingkan dengan sasaran",
        "37 kelurahan maka cakupan sebesar 91%",
    ]
    (erratum,) = plausibility.audit_percent_of_counts(wrong)
    assert (erratum.item, erratum.source_line, erratum.printed) == ("percent_of_count", 1, "91%")
    assert erratum.computed == pytest.approx(18.92, abs=0.01)
    right = [wrong[0], wrong[1], "37 kelurahan maka cakupan sebesar 19%"]
    assert plausibility.audit_percent_of_counts(right) == []
    truncated = ["30 kelurahan dari 37 kelurahan yaitu 81,0%"]
    assert plausibility.audit_percent_of_counts(truncated) == []


# --- extreme capaian ------------------------------------------------------------------------


def capaian_rows(target, realisasi, capaian, indicator="S07.I16"):
    rows = [
        value_row(30, str(target), target, "target", indicator_id=indicator),
        value_row(31, str(realisasi), realisasi, "realisasi", indicator_id=indicator),
        value_row(32, str(capaian), capaian, "capaian", indicator_id=indicator),
    ]
    frame = pd.DataFrame(rows)
    return frame.assign(basis="lkjip_table", printed_table="lkjip_results", source_table="T 3")


def test_extreme_capaian_printed_or_recomputed():
    (printed,) = plausibility.audit_extreme_capaian(capaian_rows(1686, 2000, 1867), {})
    assert (printed.item, printed.source_line, printed.expected) == (
        "extreme_capaian",
        32,
        "printed",
    )
    (lower,) = plausibility.audit_extreme_capaian(
        capaian_rows(0.0006, 0.018, 100), {"S07.I16": "lower"}
    )
    assert (lower.source_line, lower.expected, lower.computed) == (31, "recomputed", -2800.0)


def test_ordinary_capaian_is_left_alone():
    assert plausibility.audit_extreme_capaian(capaian_rows(80, 60, 75), {}) == []
    # unknown polarity: flagged only when both formulas are extreme
    assert plausibility.audit_extreme_capaian(capaian_rows(10, 29, 100), {}) == []
    (both,) = plausibility.audit_extreme_capaian(capaian_rows(1, 50, 100), {})
    assert (both.expected, both.computed) == ("recomputed", 5000.0)


# --- the real data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def errata():
    return plausibility.check(load_model(), SOURCE)


def test_counts_per_item(errata):
    assert Counter(e.item for e in errata) == {
        "rate_over_100": 12,
        "extreme_capaian": 5,
        "ratio_form": 1,
        "households_over_population": 1,
    }


def test_apm_over_100_in_every_table(errata):
    apm = [e for e in errata if e.item == "rate_over_100"]
    assert {e.indicator_id for e in apm} == {"S07.I09"}
    assert {(e.source_line, e.printed) for e in apm} >= {
        (5656, "100,42%"),
        (7945, "101,11%"),
        (13452, "101,76%"),
        (21859, "101,40"),
    }


def test_extreme_capaian_rows(errata):
    extreme = {
        (e.source_line, e.printed, e.expected) for e in errata if e.item == "extreme_capaian"
    }
    assert extreme == {
        (10296, "0,018%", "recomputed"),
        (12962, "1116", "printed"),
        (13557, "0,018%", "recomputed"),
        (13595, "1867%", "printed"),
        (15108, "914.618.29 0.540", "recomputed"),
    }


def test_ratio_and_households(errata):
    (ratio,) = [e for e in errata if e.item == "ratio_form"]
    assert (ratio.source_line, ratio.printed, ratio.other_printed) == (
        14081,
        "9 : 270.926",
        "1:264.935",
    )
    (households,) = [e for e in errata if e.item == "households_over_population"]
    assert (households.source_line, households.printed) == (14836, "216.662 KK")
    assert (households.other_line, households.other_value) == (643, 267901.0)
