"""City totals against the sum of their kecamatan (analysis/audit/area_totals.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import area_totals

KECAMATAN = {"utara", "selatan", "timur"}


def table(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    """Rows of (kecamatan_id, measure, raw, value) in one table, with made-up lines."""
    return pd.DataFrame(
        [
            {
                "kecamatan_id": kecamatan,
                "measure": measure,
                "source_table": "Tabel 1.1" if kecamatan in KECAMATAN else "Bab I",
                "source_line": 100 + number,
                "raw": raw,
                "value": value,
            }
            for number, (kecamatan, measure, raw, value) in enumerate(rows)
        ]
    )


def audit(rows):
    return area_totals.audit_area_totals(table(rows), "t", "kota", KECAMATAN)


def test_a_stated_total_that_is_not_the_sum_of_its_kecamatan():
    rows = [
        ("utara", "sumur", "46.937", 46937.0),
        ("selatan", "sumur", "37.077", 37077.0),
        ("timur", "sumur", "61.223", 61223.0),
        ("kota", "sumur", "145.277", 145277.0),  # the parts make 145.237
    ]
    (erratum,) = audit(rows)
    assert (erratum.item, erratum.source_line, erratum.printed) == ("area_sum", 103, "145.277")
    assert erratum.computed == pytest.approx(145237.0)
    assert erratum.difference == pytest.approx(-40.0)


def test_totals_within_the_rounding_of_their_parts_agree():
    rows = [
        ("utara", "luas_km2", "23,59", 23.59),
        ("selatan", "luas_km2", "29,96", 29.96),
        ("timur", "luas_km2", "21,70", 21.70),
        ("kota", "luas_km2", "75,26", 75.26),  # 75,25 exactly: within the parts' rounding
    ]
    assert audit(rows) == []


def test_shares_must_make_a_whole():
    shares = [("utara", "share_pct", "40,00", 40.0), ("selatan", "share_pct", "35,00", 35.0)]
    assert audit([*shares, ("timur", "share_pct", "25,00", 25.0)]) == []
    (erratum,) = audit([*shares, ("timur", "share_pct", "28,75", 28.75)])
    assert (erratum.expected, erratum.computed) == ("100 %", pytest.approx(103.75))


def test_an_incomplete_breakdown_is_not_summed():
    rows = [("utara", "penduduk", "77.011", 77011.0), ("kota", "penduduk", "267.901", 267901.0)]
    assert audit(rows) == []


def test_the_water_sources_of_the_real_report(model):
    (erratum,) = area_totals.check(model, "lkjip-binjai-2018")
    assert (erratum.source_line, erratum.printed) == (14836, "216.662")  # "216.662 KK"
    assert erratum.computed == pytest.approx(216622.0)  # the chart's kecamatan
