"""Category indicators (BPK opinion, AKIP grade): capaian, tables, text and scores."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import categories
from binjai_analysis.analysis.audit.narrative import passage

SOURCE = "lkjip-binjai-2018"
YEAR = 2018


def long_rows(rows: list[tuple], table: str = "Tabel 3.3") -> pd.DataFrame:
    """Long rows from (indicator_id, name, target, realisasi, capaian or None, first line)."""
    records = []
    for indicator_id, name, target, realisasi, capaian, line in rows:
        figures = [("target", target, None), ("realisasi", realisasi, None)]
        if capaian is not None:
            figures.append(("capaian", f"{capaian:g}%", capaian))
        for j, (measure, raw, value) in enumerate(figures):
            records.append(
                {
                    "source_table": table,
                    "sasaran_no": 1,
                    "indicator_no": "1",
                    "indicator_name": name,
                    "indicator_id": indicator_id,
                    "year": YEAR,
                    "measure": measure,
                    "source_line": line + j,
                    "raw": raw,
                    "value": value,
                }
            )
    return pd.DataFrame(records)


def rows(*records: tuple, table: str = "Tabel 3.3") -> pd.DataFrame:
    return categories.category_rows(long_rows(list(records), table), YEAR)


def test_akip_grade_bands():
    assert [categories.akip_grade(s) for s in (95, 90, 80.01, 70, 60.12, 55, 47.64, 30, 0)] == [
        "AA",
        "A",
        "A",
        "B",
        "B",
        "CC",
        "C",
        "D",
        "D",
    ]


def test_only_category_rows_are_kept():
    found = rows(
        ("S01.I01", "Opini BPK", "WDP", "WTP", 100.0, 10),
        ("S01.I05", "Rasio PAD", "10,39", "9,17", 88.0, 20),
    )
    assert list(found["indicator_id"]) == ["S01.I01"]
    assert list(found["scale"]) == ["bpk_opinion"]


def test_capaian_of_100_for_a_grade_below_target_fires():
    (erratum,) = categories.audit_category_capaian(
        rows(("S01.I09", "Nilai AKIP", "B", "CC", 100.0, 10))
    )
    assert (erratum.item, erratum.source_line, erratum.expected) == (
        "category_capaian",
        12,
        "not_met",
    )


def test_capaian_below_100_for_a_target_met_fires():
    (erratum,) = categories.audit_category_capaian(
        rows(("S01.I01", "Opini BPK", "WDP", "WTP", 80.0, 10))
    )
    assert (erratum.expected, erratum.computed) == ("met", 100.0)


def test_consistent_capaian_does_not_fire():
    found = rows(
        ("S01.I01", "Opini BPK", "WDP", "WTP", 100.0, 10),
        ("S01.I09", "Nilai AKIP", "B", "CC", 75.0, 20),
        ("S01.I10", "Nilai AKIP lain", "CC", "B", None, 30),
    )
    assert categories.audit_category_capaian(found) == []


def test_realisation_differing_between_table_and_summary():
    table = rows(("S01.I01", "Opini BPK", "WDP", "WTP", 100.0, 10))
    same = rows(("S01.I01", "Opini BPK", "WDP", "WTP", None, 50), table="Tabel 3.2")
    other = rows(("S01.I01", "Opini BPK", "WDP", "WDP", None, 50), table="Tabel 3.2")
    assert categories.audit_category_tables(table, same) == []
    (erratum,) = categories.audit_category_tables(table, other)
    assert (erratum.item, erratum.printed, erratum.other_printed, erratum.other_line) == (
        "category_table_vs_summary",
        "WTP",
        "WDP",
        51,
    )


OPINION_TEXT = [
    "Perkembangan opini BPK pada laporan keuangan tahun 2018 adalah Wajar Tanpa",
    "Pengecualian (WTP), target RPJMD tahun 2018 dengan opini WTP terealisasi.",
    "Pada tahun 2016 target opini WDP telah dicapai.",
]


def test_text_categories_with_measure_and_year():
    mentions = categories.category_mentions(passage(OPINION_TEXT, 1, 3), YEAR)
    assert [(m["label"], m["measure"], m["line"]) for m in mentions] == [
        ("WTP", "realisasi", 2),
        ("WTP", "target", 2),
    ]


def test_a_text_category_other_than_the_tables_fires():
    table = rows(("S01.I01", "Opini BPK", "WDP", "WTP", 100.0, 10))
    mentions = categories.category_mentions(passage(OPINION_TEXT, 1, 3), YEAR)
    (erratum,) = categories.audit_category_text(mentions, table)
    assert (erratum.item, erratum.measure, erratum.printed, erratum.expected) == (
        "category_narrative_vs_table",
        "target",
        "WTP",
        "WDP",
    )
    assert (erratum.other_table, erratum.other_line) == ("Tabel 3.3", 10)


def test_table_lines_are_not_text():
    lines = ["Opini BPK Target Realisasi", "WDP", "WTP"]
    assert categories.category_mentions(passage(lines, 1, 3), YEAR, frozenset({2, 3})) == []


def test_grade_letters_outside_accountability_sentences_are_not_read():
    lines = ["Survey kepuasan masyarakat diperoleh nilai 75 dengan kategori B atau Baik."]
    assert categories.audit_grade_scores(passage(lines, 1, 1)) == []
    assert categories.category_mentions(passage(lines, 1, 1), YEAR) == []


def test_a_score_outside_its_grade_band_fires():
    lines = [
        "Hasil evaluasi SAKIP: Pemerintah Kota mendapat predikat B dengan nilai 58,20.",
        "Evaluasi akuntabilitas kinerja memberi penilaian C dengan nilai 47,64.",
        "Evaluasi AKIP memberi nilai 60,12 dengan predikat B.",
    ]
    (erratum,) = categories.audit_grade_scores(passage(lines, 1, 3))
    assert (erratum.item, erratum.source_line, erratum.printed, erratum.expected) == (
        "score_grade_band",
        1,
        "B",
        "CC",
    )
    assert erratum.other_value == 58.2


# --- the real data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def errata(model):
    return categories.check(model, SOURCE)


def test_counts_per_item(errata):
    assert Counter(e.item for e in errata) == {"category_narrative_vs_table": 1}


def test_opinion_target_in_the_text(errata):
    (erratum,) = errata
    assert (erratum.source_line, erratum.indicator_id, erratum.measure) == (
        11522,
        "S01.I01",
        "target",
    )
    assert (erratum.printed, erratum.other_line, erratum.other_printed) == ("WTP", 11634, "WDP")
