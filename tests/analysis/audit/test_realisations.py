"""The same indicator's realisation and capaian across the report's tables; average rows."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import realisations
from binjai_analysis.data.model import load_model

SOURCE = "lkjip-binjai-2018"


def figure(table, line, raw, value, measure="realisasi", indicator="S08.I10", sasaran=8):
    return {
        "printed_table": "lkjip_result_summary" if table == "Tabel 3.2" else "lkjip_results",
        "basis": "lkjip_summary" if table == "Tabel 3.2" else "lkjip_table",
        "source_table": table,
        "source_line": line,
        "raw": raw,
        "value": value,
        "measure": measure,
        "indicator_id": indicator,
        "indicator_name": "Cakupan layanan",
        "indicator_no": "1",
        "sasaran_no": sasaran,
        "year": 2018,
    }


def test_same_figure_within_printed_rounding():
    assert realisations.same_figure("30%", 30.0, "30", 30.0)
    assert realisations.same_figure("91,4", 91.4, "91,42", 91.42)
    assert not realisations.same_figure("6.965", 6.965, "6.867", 6.867)
    assert realisations.same_figure("WTP", None, "wtp", None)
    assert not realisations.same_figure("1", 1.0, "-", None)


def test_restated_realisation_that_differs():
    rows = pd.DataFrame(
        [
            figure("Tabel 3.10", 200, "30%", 30.0),
            figure("Tabel 3.2", 100, "23%", 23.0),
            figure("Tabel 3.10a", 300, "30%", 30.0),
        ]
    )
    (erratum,) = realisations.audit_restated_figures(rows)
    assert (erratum.item, erratum.source_table, erratum.source_line) == (
        "realisasi_differs",
        "Tabel 3.2",
        100,
    )
    assert (erratum.other_table, erratum.other_line, erratum.difference) == ("Tabel 3.10", 200, 7)
    assert [p["source_line"] for p in json.loads(erratum.listing)] == [100, 200, 300]


def test_restated_figure_that_agrees_or_reads_two_ways():
    agree = pd.DataFrame(
        [figure("Tabel 3.2", 100, "30", 30.0), figure("Tabel 3.10", 200, "30%", 30.0)]
    )
    assert realisations.audit_restated_figures(agree) == []
    two_readings = pd.DataFrame(
        [
            figure("Tabel 3.2", 100, "-", None),
            figure("Tabel 3.2", 101, "60%", 60.0),
            figure("Tabel 3.5", 200, "-", None),
        ]
    )
    assert realisations.audit_restated_figures(two_readings) == []
    targets = agree.assign(measure="target", raw=["30", "25"], value=[30.0, 25.0])
    assert realisations.audit_restated_figures(targets) == []  # the targets check's job


def test_dash_against_a_figure_is_missing():
    rows = pd.DataFrame([figure("Tabel 3.2", 100, "1", 1.0), figure("Tabel 3.11", 200, "-", None)])
    (erratum,) = realisations.audit_restated_figures(rows)
    assert (erratum.item, erratum.severity, erratum.other_printed) == (
        "realisasi_missing",
        "low",
        "-",
    )


def average_table(printed_average):
    rows = [
        figure("Tabel 3.10", 10, "100%", 100.0, "capaian", "S08.I01"),
        figure("Tabel 3.10", 20, "50%", 50.0, "capaian", "S08.I02"),
        figure("Tabel 3.10a", 30, "50%", 50.0, "capaian", "S08.I02"),
        figure("Tabel 3.10a", 40, printed_average, float(printed_average.rstrip("%")), "x"),
    ]
    frame = pd.DataFrame(rows)
    frame.loc[3, ["measure", "indicator_id"]] = ["capaian_rata_rata", None]
    return frame


def test_average_row_that_no_mean_gives():
    (erratum,) = realisations.audit_average_rows(average_table("60%"))
    assert (erratum.item, erratum.source_line, erratum.computed) == ("average_of_rows", 40, 75.0)
    assert erratum.computed_alt == 50.0


def test_average_row_that_a_mean_gives():
    assert realisations.audit_average_rows(average_table("75%")) == []  # the sasaran's rows
    assert realisations.audit_average_rows(average_table("50%")) == []  # the sub-table's rows


# --- the real data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def errata():
    return realisations.check(load_model(), SOURCE)


def results_of(model):
    values = model["indicator_values"]
    return values[(values["source"] == SOURCE) & (values["basis"] == "lkjip_table")]


def test_counts_per_item(errata):
    assert Counter(e.item for e in errata) == {
        "realisasi_differs": 14,
        "realisasi_missing": 2,
        "capaian_differs": 1,
    }


def test_summary_against_sasaran_tables(errata):
    places = {(e.source_line, e.printed, e.other_line, e.other_printed) for e in errata}
    assert (10646, "23%", 14684, "30%") in places  # PDAM coverage, Tabel 3.2 vs Tabel 3.10
    assert (10401, "1:265.935", 14081, "9 : 270.926") in places  # hospitals, vs Tabel 3.9a
    assert (11138, "4655", 16002, "4.724") in places  # UKM
    missing = {(e.source_line, e.printed) for e in errata if e.item == "realisasi_missing"}
    assert missing == {(10720, "1"), (10827, "-")}


def test_sub_table_against_parent(errata):
    (capaian,) = [e for e in errata if e.item == "capaian_differs"]
    assert (capaian.source_table, capaian.source_line, capaian.printed) == (
        "Tabel 3.10",
        14691,
        "99,4%",
    )
    assert (capaian.other_table, capaian.other_printed) == ("Tabel 3.10a", "91,42")
    # the sasaran-8 average (84,3 %, line 14831) is also a stated summary figure: the summary
    # family lists it, once
    assert not [e for e in errata if e.item == "average_of_rows"]
    (average,) = [
        e
        for e in realisations.audit_average_rows(results_of(load_model()))
        if e.source_line == 14831
    ]
    assert (average.printed, average.sasaran_no) == ("84,3%", 8)
    assert average.computed == pytest.approx(86.603, abs=0.01)
    assert average.computed_alt == pytest.approx(97.14, abs=0.01)
