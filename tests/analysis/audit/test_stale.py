"""Passages copied from an earlier year's report (analysis/audit/stale.py)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import narrative, stale

SOURCE = "lkjip-binjai-2018"
YEAR = 2018
NAME = "Jumlah Linmas per 10.000 penduduk"


def results(target: str, realisasi: str, capaian: str) -> pd.DataFrame:
    """One realisation row of the report year, printed on lines 2-4."""
    return pd.DataFrame(
        [
            {
                "source_table": "Tabel 3.14",
                "sasaran_no": 14,
                "indicator_no": "21",
                "indicator_name": NAME,
                "indicator_id": "S14.I20",
                "year": YEAR,
                "measure": measure,
                "source_line": line,
                "raw": raw,
                "value": narrative.read_number(raw.rstrip("%")),
            }
            for line, (measure, raw) in enumerate(
                (("target", target), ("realisasi", realisasi), ("capaian", capaian)), start=2
            )
        ]
    )


ROWS = narrative.realisation_tables(results("1,80", "1,50", "83,33%"), YEAR)
PLAN = pd.DataFrame(
    [
        {
            "indicator_id": "S14.I20",
            "year": YEAR - 1,
            "measure": "target",
            "raw": "1,80",
            "value": 1.8,
        }
    ]
)
COPIED = (
    f"Indikator Kinerja {NAME}, dari target RPJMD tahun {YEAR - 1} sebesar 1,80 Per 10.000 "
    "penduduk dapat terealisasi sebesar 1,76 Per 10.000 penduduk. Capaian persentase 97%."
)


def audit(sentence: str, values: pd.DataFrame | None = PLAN) -> list:
    lines = ["Tabel 3.14 Realisasi", "", "", "", sentence]
    statements = narrative.indicator_statements(passage := narrative.passage(lines, 1, 5), YEAR)
    assert passage.text  # the sentence is read
    return stale.audit_stale_statements(statements, ROWS, YEAR, values)


def test_an_earlier_years_figures_under_the_report_years_table_fire():
    (erratum,) = audit(COPIED)
    assert (erratum.kind, erratum.item, erratum.source_line, erratum.year) == (
        "stale_passage",
        "previous_year_figures",
        5,
        YEAR - 1,
    )
    assert (erratum.measure, erratum.printed, erratum.other_printed, erratum.other_line) == (
        "realisasi",
        "1,76",
        "1,50",
        3,
    )
    figures = {f["measure"]: f for f in json.loads(erratum.listing)}
    assert figures["target"]["earlier_printed"] == "1,80"
    assert figures["capaian"]["report_year_printed"] == "83,33%"


def test_without_the_earlier_years_figures_only_wholly_other_figures_fire():
    assert len(audit(COPIED.replace("sebesar 1,80", "sebesar 1,70"), values=None)) == 1
    assert audit(COPIED, values=None) == []  # its target 1,80 may be this year's only


def test_a_comparison_naming_the_report_year_does_not_fire():
    sentence = COPIED.replace(f"tahun {YEAR - 1}", f"tahun {YEAR} dibandingkan tahun {YEAR - 1}")
    assert audit(sentence) == []


def test_the_report_years_figures_under_another_years_label_do_not_fire():
    # the figures are this year's: a year label to fix, not a copied passage
    sentence = COPIED.replace("1,76", "1,50").replace("97%", "83,33%")
    assert audit(sentence) == []


def test_a_target_that_is_not_the_earlier_years_does_not_fire():
    assert audit(COPIED.replace("sebesar 1,80", "sebesar 2,50")) == []


def test_a_target_only_the_report_year_has_does_not_fire():
    plan = PLAN.assign(raw="1,60", value=1.6)  # the earlier target differs from 1,80
    assert audit(COPIED, values=plan) == []


def test_a_later_year_does_not_fire():
    assert audit(COPIED.replace(f"tahun {YEAR - 1}", f"tahun {YEAR + 1}")) == []


# --- the real report -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def found(model):
    return stale.check(model, SOURCE)


def test_the_copied_passages_of_sasaran_14(found):
    # 2017's RPJMD targets and results, told as the 2018 report's
    assert [(e.source_line, e.indicator_id, e.printed, e.other_printed) for e in found] == [
        (16743, "S14.I02", "5,97%", "1,25%"),  # pengangguran terbuka: target 8,83 % of 2017
        (16770, "S14.I18", "1,76%", "1,80%"),
        (16789, "S14.I19", "3,76", "3,85"),
        (16807, "S14.I20", "1,76", "1,50"),
        (16828, "S14.I17", "64%", "83%"),
    ]
    assert {e.year for e in found} == {2017}
    targets = [json.loads(e.listing)[0] for e in found]
    assert [(t["printed"], t["earlier_printed"]) for t in targets] == [
        ("8,83%", "8,83%"),
        ("3,03%", "3,03%"),
        ("2,99", "2,99"),
        ("1,80", "1,80"),
        ("79%", "79%"),
    ]
