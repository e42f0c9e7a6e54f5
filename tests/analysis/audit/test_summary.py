"""Summary figures: stated counts, average capaian and shares, recomputed from the tables."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import summary
from binjai_analysis.analysis.audit.narrative import passage, realisation_tables

SOURCE = "lkjip-binjai-2018"
YEAR = 2018


def stated(item: str, raw: str, value: float, line: int = 50) -> dict:
    return {
        "item": item,
        "source_table": "Ikhtisar",
        "source_line": line,
        "raw": raw,
        "value": value,
    }


def realisations(capaian: list[tuple[str, int, str, float]]) -> pd.DataFrame:
    """Realisation rows (wide) from (table, sasaran, indicator_id, capaian)."""
    records = []
    for i, (table, sasaran, indicator_id, value) in enumerate(capaian):
        records.append(
            {
                "source_table": table,
                "sasaran_no": sasaran,
                "indicator_no": str(i),
                "indicator_name": f"Indikator {i}",
                "indicator_id": indicator_id,
                "year": YEAR,
                "measure": "capaian",
                "source_line": 100 + i,
                "raw": f"{value}%",
                "value": value,
            }
        )
    return realisation_tables(pd.DataFrame(records), YEAR)


ROWS = realisations(
    [
        ("Tabel 3.1", 1, "S01.I01", 100.0),
        ("Tabel 3.1", 1, "S01.I02", 80.0),
        ("Tabel 3.2", 2, "S02.I01", 150.0),
        ("Tabel 3.2", 2, "S02.I02", 50.0),
    ]
)


def test_a_count_no_table_gives_fires():
    counts = pd.DataFrame([stated("sasaran_count", "15", 15.0), stated("misi_count", "5", 5.0)])
    readings = {
        "sasaran": [summary.Reading("sasaran table", 14, 14)],
        "misi": [summary.Reading("misi table", 5, 5)],
    }
    (erratum,) = summary.audit_stated_counts(counts, lambda entity: readings[entity])
    assert (erratum.item, erratum.measure, erratum.computed, erratum.expected) == (
        "stated_count",
        "sasaran",
        14.0,
        "sasaran table",
    )


def test_a_count_any_reading_gives_does_not_fire():
    counts = pd.DataFrame([stated("program_count", "132", 132.0)])
    readings = [summary.Reading("rows", 162, 162), summary.Reading("program names", 132, 162)]
    assert summary.audit_stated_counts(counts, lambda entity: readings) == []


def test_a_count_of_something_no_table_lists_is_not_checked():
    counts = pd.DataFrame([stated("priority_count", "6", 6.0)])
    assert summary.audit_stated_counts(counts, lambda entity: []) == []


def test_sasaran_average_against_its_rows():
    wrong = pd.DataFrame([stated("sasaran_1_average_capaian_pct", "84,3%", 84.3, line=200)])
    (erratum,) = summary.audit_sasaran_averages(wrong, ROWS)
    assert (erratum.item, erratum.sasaran_no, erratum.computed) == ("sasaran_average", 1, 90.0)
    right = pd.DataFrame([stated("sasaran_2_average_capaian_pct", "100%", 100.0, line=200)])
    assert summary.audit_sasaran_averages(right, ROWS) == []


def test_an_average_of_capped_capaian_is_a_reading():
    capped = pd.DataFrame([stated("sasaran_2_average_capaian_pct", "75%", 75.0, line=200)])
    assert summary.audit_sasaran_averages(capped, ROWS) == []


def test_sasaran_average_stated_in_the_text():
    lines = [""] * 102 + [
        "Berdasarkan tabel diatas maka tingkat capaian rata-rata pada tahun 2018 untuk",
        "Sasaran “Terciptanya daya saing” sebesar 104,94% pada tahun 2018",
    ]
    text = passage(lines, 1, len(lines))
    (erratum,) = summary.audit_sasaran_averages(pd.DataFrame(columns=["item"]), ROWS, text)
    assert (erratum.source_line, erratum.printed, erratum.sasaran_no) == (104, "104,94%", 2)
    assert erratum.computed == 100.0


def test_overall_average_against_every_row():
    wrong = pd.DataFrame([stated("average_capaian_pct", "76 %", 76.0)])
    (erratum,) = summary.audit_overall_averages(wrong, ROWS)
    assert (erratum.item, erratum.computed) == ("overall_average", 95.0)
    bases = [reading["basis"] for reading in json.loads(erratum.listing)]
    assert "mean_of_sasaran_means" in bases
    right = pd.DataFrame([stated("average_capaian_pct", "95%", 95.0)])
    assert summary.audit_overall_averages(right, ROWS) == []


def test_shares_stated_as_part_of_whole():
    wrong = passage(["dari 40 indikator, 30 (70 %) mencapai target"], 1, 1)
    (erratum,) = summary.audit_stated_shares(wrong)
    assert (erratum.item, erratum.printed, erratum.computed) == ("stated_share", "70%", 75.0)
    right = passage(["sebanyak 30 indikator dari 40 indikator (75 %) mencapai target"], 1, 1)
    assert summary.audit_stated_shares(right) == []


# --- the real data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def errata(model):
    return summary.check(model, SOURCE)


def test_counts_per_item(errata):
    assert Counter(e.item for e in errata) == {
        "stated_count": 3,
        "sasaran_average": 2,
        "overall_average": 2,
    }


def test_key_rows(errata):
    found = {(e.source_line, e.item, e.measure): (e.printed, e.computed) for e in errata}
    rounded = {key: (printed, round(value, 2)) for key, (printed, value) in found.items()}
    assert rounded == {
        (260, "stated_count", "sasaran"): ("15", 14.0),
        (260, "stated_count", "program"): ("145", 162.0),
        (9499, "stated_count", "indicator"): ("123", 132.0),
        (13627, "sasaran_average", "capaian"): ("104,94%", 185.28),
        (14831, "sasaran_average", "capaian"): ("84,3%", 89.03),
        (262, "overall_average", "capaian"): ("76 %", 111.45),
        (19688, "overall_average", "capaian"): ("76%", 111.45),
    }


def test_stated_counts_that_agree_are_not_reported(errata):
    lines = {(e.source_line, e.measure) for e in errata}
    assert (129, "misi") not in lines and (9499, "sasaran") not in lines
