"""Targets compared across tables: every basis in the report year, PK against RPJMD in others."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import targets
from binjai_analysis.data.model import load_model

SOURCE = "lkjip-binjai-2018"


def target(line, raw, value, basis, year, indicator="S01.I13"):
    return {
        "source_table": {"rpjmd": "Tabel 2.4", "pk": "PK"}.get(basis, "Tabel 3.2"),
        "source_line": line,
        "raw": raw,
        "value": value,
        "basis": basis,
        "indicator_id": indicator,
        "indicator_name": "Rasio PAD",
        "measure": "target",
        "year": year,
    }


def test_plan_years_need_both_plan_and_agreement():
    values = pd.DataFrame(
        [
            target(1, "9,25%", 9.25, "rpjmd", 2018),
            target(2, "9,52%", 9.52, "rpjmd", 2019),
            target(3, "9,25", 9.25, "pk", 2019),
            target(4, "9", 9.0, "lkjip_summary", 2020),
        ]
    )
    assert targets.plan_years(values) == [2019]


def test_pk_against_rpjmd_in_a_later_year():
    differ = pd.DataFrame(
        [target(10, "9,52%", 9.52, "rpjmd", 2019), target(20, "9,25", 9.25, "pk", 2019)]
    )
    (erratum,) = targets.audit_plan_years(differ, report_years={2018})
    assert (erratum.item, erratum.year, erratum.source_line) == ("targets_differ", 2019, 10)
    assert [p["source_line"] for p in json.loads(erratum.listing)] == [10, 20]


def test_agreeing_plan_years_and_report_years_are_left_alone():
    agree = pd.DataFrame(
        [target(10, "9,52%", 9.52, "rpjmd", 2019), target(20, "9,52", 9.52, "pk", 2019)]
    )
    assert targets.audit_plan_years(agree, report_years={2018}) == []
    differ = agree.assign(raw=["9,52%", "9,25"], value=[9.52, 9.25])
    assert targets.audit_plan_years(differ, report_years={2019}) == []


def test_report_year_table_targets_are_not_compared_in_plan_years():
    values = pd.DataFrame(
        [
            target(10, "9,52%", 9.52, "rpjmd", 2019),
            target(20, "9,52", 9.52, "pk", 2019),
            target(30, "8", 8.0, "lkjip_table", 2019),
        ]
    )
    assert targets.audit_plan_years(values, report_years={2018}) == []


# --- the real data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def errata():
    return targets.check(load_model(), SOURCE)


def test_counts_per_year(errata):
    assert Counter(e.year for e in errata) == {2018: 30, 2019: 11}


def test_report_year_errata_unchanged(errata):
    from binjai_analysis.analysis.audit import audit_source

    current = [
        e
        for e in audit_source(load_model(), SOURCE)
        if e.kind == "conflicting_targets" and e.year == 2018
    ]
    mine = [e for e in errata if e.year == 2018]
    assert [(e.indicator_id, e.source_line) for e in mine] == [
        (e.indicator_id, e.source_line) for e in current
    ]


def test_pk_2019_against_rpjmd_2019(errata):
    by_id = {e.indicator_id: e for e in errata if e.year == 2019}
    pad = by_id["S01.I13"]  # PK 2019 prints the RPJMD's 2018 target
    assert (pad.source_line, pad.printed) == (5028, "9,52%")
    assert [(p["source_line"], p["printed"]) for p in json.loads(pad.listing)] == [
        (5028, "9,52%"),
        (21075, "9,25"),
    ]
    rice = by_id["S10.I11"]
    assert [p["printed"] for p in json.loads(rice.listing)] == ["20.500", "21,15"]
    assert set(by_id) == {
        "S01.I13",
        "S06.I01",
        "S07.I09",
        "S07.I27",
        "S10.I02",
        "S10.I06",
        "S10.I10",
        "S10.I11",
        "S14.I08",
        "S14.I13",
        "S14.I14",
    }
