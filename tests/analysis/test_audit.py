"""The audit finds the source's errors by computation: on made-up tables, then on the real data.

Errata are fields, not prose: the tests check the comparison (`item`), the figures and the
places, never a sentence.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from binjai_analysis.analysis import audit
from binjai_analysis.analysis import budget as budget_module

REPORT_YEAR = 2018


def budget_frame(rows: list[tuple[int, str, str, float, float, float | None]]) -> pd.DataFrame:
    """Long budget rows from (row_seq, printed_no, program, anggaran, realisasi, persen)."""
    records = []
    for seq, number, program, anggaran, realisasi, persen in rows:
        for offset, (measure, value) in enumerate(
            (("anggaran", anggaran), ("realisasi", realisasi), ("persen", persen))
        ):
            if value is None:
                continue
            raw = f"{value:.2f}".replace(".", ",")
            records.append(
                {
                    "row_seq": seq,
                    "printed_no": number,
                    "program": program,
                    "measure": measure,
                    "source_table": "Tabel X",
                    "source_line": 100 + 10 * seq + offset,
                    "raw": raw,
                    "number_style": "id",
                    "value": value,
                    "parse_note": "",
                }
            )
    return pd.DataFrame(records)


def kinds(errata: list[audit.Erratum]) -> list[str]:
    return [erratum.kind for erratum in errata]


# --- budget rows ----------------------------------------------------------------------------


def test_clean_budget_has_no_errata():
    budget = budget_frame(
        [(1, "1", "Program A", 200.0, 100.0, 50.0), (2, "2", "Program B", 100.0, 75.0, 75.0)]
    )
    assert audit.audit_budget_rows(budget, "Tabel X") == []


def test_wrong_printed_percent_is_an_arithmetic_error():
    budget = budget_frame([(1, "1", "Program A", 200.0, 100.0, 55.0)])
    (erratum,) = audit.audit_budget_rows(budget, "Tabel X")
    assert (erratum.kind, erratum.severity, erratum.item) == (
        "arithmetic_error",
        "high",
        "row_percent",
    )
    assert (erratum.source_table, erratum.source_line) == ("Tabel X", 112)  # the % figure
    assert (erratum.row_seq, erratum.printed_no, erratum.program) == (1, "1", "Program A")
    assert (erratum.anggaran, erratum.realisasi) == (200.0, 100.0)
    assert (erratum.printed, erratum.printed_value) == ("55,00", 55.0)
    assert erratum.computed == pytest.approx(50.0)
    assert erratum.difference == pytest.approx(-5.0)
    assert (erratum.unit, erratum.measure, erratum.effect) == (
        "%",
        "persen",
        "absorption_recomputed",
    )


def test_rounding_within_printed_precision_is_not_an_error():
    budget = budget_frame([(1, "1", "Program A", 3.0, 1.0, 33.33)])
    assert audit.audit_budget_rows(budget, "Tabel X") == []


def test_realisation_above_budget_is_impossible():
    budget = budget_frame([(1, "1", "Program A", 100.0, 150.0, 150.0)])
    (erratum,) = audit.audit_budget_rows(budget, "Tabel X")
    assert (erratum.kind, erratum.item) == ("impossible_value", "realisasi_over_anggaran")
    assert erratum.source_line == 111  # the realisasi figure
    assert (erratum.anggaran, erratum.realisasi, erratum.computed) == (100.0, 150.0, 150.0)
    assert erratum.effect == "over_budget_flagged"


def test_duplicates_and_renumbering_are_found():
    budget = budget_frame(
        [
            (1, "1", "Program A", 200.0, 100.0, 50.0),
            (2, "1", "Program A.", 200.0, 100.0, 50.0),  # same program and figures, renumbered
            (3, "5", "Program C", 200.0, 100.0, 50.0),  # same figures under another name; skips 2-4
        ]
    )
    found = audit.audit_budget_rows(budget, "Tabel X")
    assert kinds(found) == ["duplicate_row", "renumbered_row", "duplicate_row", "renumbered_row"]
    assert [(e.item, e.severity, e.row_seq, e.other_row) for e in found] == [
        ("same_row", "high", 2, 1),
        ("printed_no_jump", "low", 2, 1),
        ("same_figures_other_name", "medium", 3, 1),
        ("printed_no_jump", "low", 3, 2),
    ]
    assert [e.other_printed for e in found if e.kind == "renumbered_row"] == ["1", "1"]
    assert [e.effect for e in found if e.kind == "duplicate_row"] == [
        "duplicate_counted_once",
        "figures_kept_as_printed",
    ]
    assert found[2].printed == "200,00" and found[2].anggaran == 200.0
    assert budget_module.duplicate_row_seqs(budget) == {2}


def test_sums_with_and_without_duplicates():
    budget = budget_frame(
        [
            (1, "1", "Program A", 200.0, 100.0, 50.0),
            (2, "2", "Program A", 200.0, 100.0, 50.0),
            (3, "3", "Program B", 50.0, 50.0, 100.0),
        ]
    )
    assert budget_module.budget_sums(budget) == {
        "anggaran": 450.0,
        "realisasi": 250.0,
        "anggaran_without_duplicates": 250.0,
        "realisasi_without_duplicates": 150.0,
    }


@pytest.mark.parametrize(
    ("raw", "half_unit"), [("91,41", 0.005), ("94", 0.5), ("1.234", 0.5), ("7,5%", 0.05)]
)
def test_printed_precision(raw, half_unit):
    assert audit.printed_precision(raw) == pytest.approx(half_unit)


# --- budget totals --------------------------------------------------------------------------


def totals_frame(values: dict[str, float]) -> pd.DataFrame:
    """Printed totals (budget_totals rows) from item -> value; lines count from 900."""
    return pd.DataFrame(
        [
            {
                "item": item,
                "source_table": "Ikhtisar" if item.startswith("ikhtisar") else "Tabel X",
                "source_line": 900 + number,
                "raw": f"{value:.2f}".replace(".", ","),
                "value": value,
            }
            for number, (item, value) in enumerate(values.items())
        ]
    )


def test_budget_totals_against_rows_jumlah_and_ikhtisar():
    budget = budget_frame(
        [
            (1, "1", "Program A", 200.0, 100.0, 50.0),
            (2, "2", "Program A", 200.0, 100.0, 50.0),  # duplicate: 250 / 150 without it
            (3, "3", "Program B", 50.0, 50.0, 100.0),
        ]
    )
    totals = totals_frame(
        {
            "budget_table_jumlah_anggaran": 450.0,  # = all rows
            "budget_table_jumlah_realisasi": 300.0,  # rows give 250 (150 without duplicates)
            "budget_table_jumlah_persen": 50.0,  # 300 / 450 = 66,67 %
            "ikhtisar_pagu": 450.0,
            "ikhtisar_realisasi": 250.0,  # = rows, but not the Jumlah (300)
            "ikhtisar_persen": 55.56,  # 250 / 450 = 55,56 %
            "ikhtisar_selisih": 190.0,  # 450 - 250 = 200
        }
    )
    found = audit.audit_budget_totals(budget, None, totals)
    by_item = {(e.item, e.measure): e for e in found}
    assert set(by_item) == {
        ("sum_without_duplicates", "anggaran"),
        ("sum_all_rows", "realisasi"),
        ("sum_without_duplicates", "realisasi"),
        ("ikhtisar_vs_jumlah", "realisasi"),
        ("total_percent", "persen"),
        ("ikhtisar_selisih", "selisih"),
    }
    rows = by_item[("sum_all_rows", "realisasi")]
    assert (rows.kind, rows.severity, rows.source_table) == ("total_mismatch", "medium", "Tabel X")
    assert (rows.total_item, rows.other_table, rows.unit) == (
        "budget_table_jumlah_realisasi",
        "Tabel X",
        "Rp",
    )
    assert (rows.computed, rows.printed_value, rows.difference) == (250.0, 300.0, -50.0)
    jumlah = by_item[("ikhtisar_vs_jumlah", "realisasi")]
    assert jumlah.computed is None
    assert (jumlah.other_item, jumlah.other_value, jumlah.other_line) == (
        "budget_table_jumlah_realisasi",
        300.0,
        901,
    )
    assert (jumlah.printed_value, jumlah.difference, jumlah.source_table) == (
        250.0,
        50.0,
        "Ikhtisar",
    )
    percent = by_item[("total_percent", "persen")]
    assert (percent.kind, percent.total_item, percent.effect) == (
        "arithmetic_error",
        "budget_table_jumlah_persen",
        "percent_recomputed",
    )
    assert (percent.anggaran, percent.realisasi) == (450.0, 300.0)
    assert percent.computed == pytest.approx(66.6667, abs=1e-4)
    selisih = by_item[("ikhtisar_selisih", "selisih")]
    assert (selisih.computed, selisih.difference, selisih.effect) == (
        200.0,
        10.0,
        "selisih_recomputed",
    )


def test_plan_budget_rows_against_its_jumlah():
    plan = budget_frame(
        [(1, "1", "Program A", 2e6, None, None), (2, "2", "Program B", 1e6, None, None)]
    )
    plan = plan.assign(source_table="PK X")
    totals = totals_frame({"pk_jumlah_anggaran": 5e6})
    (erratum,) = audit.audit_budget_totals(None, plan, totals)
    assert (erratum.item, erratum.total_item, erratum.other_table) == (
        "sum_all_rows",
        "pk_jumlah_anggaran",
        "PK X",
    )
    assert (erratum.severity, erratum.difference) == ("high", -2e6)
    assert audit.audit_budget_totals(None, plan, totals_frame({"pk_jumlah_anggaran": 3e6})) == []


# --- malformed figures ---------------------------------------------------------------------


def test_malformed_figures_keep_their_row():
    budget = budget_frame([(1, "7", "Program A", 200.0, 100.0, 50.0)])
    budget.loc[0, ["raw", "parse_note"]] = ["2.00.00", "Parser: malformed grouping"]
    targets = pd.DataFrame(
        [
            {
                "sasaran_no": 2,
                "indicator_no": "3",
                "indicator_name": "Rasio X",
                "year": 2017,
                "measure": "target",
                "source_table": "Tabel Y",
                "source_line": 5,
                "raw": "6=3%",
                "value": float("nan"),
                "parse_note": "malformed figure kept whole",
            }
        ]
    )
    found = audit.audit_malformed_numbers({"lkjip_budget": budget, "rpjmd_targets": targets})
    assert [(e.kind, e.item, e.printed_table) for e in found] == [
        ("malformed_number", "malformed", "lkjip_budget"),
        ("malformed_number", "malformed", "rpjmd_targets"),
    ]
    row, target = found
    assert (row.row_seq, row.printed_no, row.program, row.measure) == (
        1,
        "7",
        "Program A",
        "anggaran",
    )
    assert (row.printed, row.printed_value, row.source_line) == ("2.00.00", 200.0, 110)
    assert (target.sasaran_no, target.indicator_no, target.year, target.measure) == (
        2,
        "3",
        2017,
        "target",
    )
    assert target.printed_value is None and target.effect == "best_reading_marked"


# --- reported capaian and predikat -----------------------------------------------------------


def capaian_rows(target, realisasi, capaian, predikat, indicator_id=None):
    base = {
        "source_table": "Tabel 3.x",
        "sasaran_no": 1,
        "indicator_no": "1",
        "indicator_name": "X",
        "unit": "%",
        "year": 2018,
        "number_style": "id",
        "parse_note": "",
        **({"indicator_id": indicator_id} if indicator_id else {}),
    }
    figures = [
        ("target", str(target), target),
        ("realisasi", str(realisasi), realisasi),
        ("capaian", f"{capaian}%", capaian),
        ("predikat", predikat, None),
    ]
    return pd.DataFrame(
        [
            {**base, "measure": measure, "raw": raw, "value": value, "source_line": line}
            for line, (measure, raw, value) in enumerate(figures, 1)
        ]
    )


def test_reported_capaian_follows_from_either_polarity():
    consistent_lower = capaian_rows(10, 12, 80, "Tinggi")  # (2*10 - 12)/10 = 80 %
    assert audit.audit_reported_capaian(consistent_lower, REPORT_YEAR) == []
    wrong = capaian_rows(80, 60, 55, "Sangat Baik")  # 75 % or 125 %, printed 55 %
    capaian, predikat = audit.audit_reported_capaian(wrong, REPORT_YEAR)
    assert (capaian.kind, capaian.item, capaian.source_line) == (
        "reported_capaian_mismatch",
        "capaian_formula",
        3,
    )
    assert (capaian.expected, capaian.computed, capaian.computed_alt) == ("unknown", 75.0, 125.0)
    assert (capaian.printed, capaian.printed_value, capaian.difference) == ("55%", 55.0, 20.0)
    assert (capaian.target_printed, capaian.realisasi_printed) == ("80", "60")
    assert (capaian.sasaran_no, capaian.indicator_no, capaian.indicator_name) == (1, "1", "X")
    assert (predikat.kind, predikat.item, predikat.source_line) == (
        "reported_predikat_mismatch",
        "predikat_scale",
        4,
    )
    assert (predikat.printed, predikat.expected, predikat.scale) == (
        "Sangat Baik",
        "Rendah",
        "lkjip_tabel_3_1",
    )
    assert (predikat.other_printed, predikat.other_value, predikat.other_line) == ("55%", 55.0, 3)


def test_reported_capaian_uses_the_indicators_polarity():
    rows = capaian_rows(10, 12, 80, "Tinggi", indicator_id="S01.I01")  # right only if lower
    (erratum,) = audit.audit_reported_capaian(rows, REPORT_YEAR, {"S01.I01": "higher"})
    assert (erratum.expected, erratum.computed, erratum.computed_alt) == ("higher", 120.0, None)
    assert erratum.indicator_id == "S01.I01"
    assert audit.audit_reported_capaian(rows, REPORT_YEAR, {"S01.I01": "lower"}) == []
    assert audit.audit_reported_capaian(rows, REPORT_YEAR, {"S01.I01": "qualitative"}) == []


def test_rows_of_another_year_are_not_checked():
    wrong = capaian_rows(80, 60, 55, "Sangat Baik")
    assert audit.audit_reported_capaian(wrong, REPORT_YEAR + 1) == []


# --- conflicting targets ------------------------------------------------------------------


def target(table, line, raw, value, basis, indicator="S10.I05"):
    return {
        "source_table": table,
        "source_line": line,
        "raw": raw,
        "value": value,
        "basis": basis,
        "indicator_id": indicator,
        "indicator_name": "ICOR",
        "measure": "target",
        "year": 2018,
    }


def test_conflicting_targets_across_tables():
    agree = pd.DataFrame(
        [target("Tabel 2.4", 10, "3,00", 3.0, "rpjmd"), target("Tabel 2.2", 20, "3", 3.0, "pk")]
    )
    assert audit.audit_conflicting_targets(agree, REPORT_YEAR) == []
    differ = pd.DataFrame(
        [
            target("Tabel 3.2", 30, "3,25", 3.25, "lkjip_summary"),
            target("Tabel 2.4", 10, "3,00", 3.0, "rpjmd"),
            target("Tabel 2.2", 20, "WTP", None, "pk", indicator="S01.I01"),
        ]
    )
    (erratum,) = audit.audit_conflicting_targets(differ, REPORT_YEAR)
    assert (erratum.kind, erratum.item, erratum.year) == (
        "conflicting_targets",
        "targets_differ",
        2018,
    )
    assert (erratum.source_table, erratum.source_line, erratum.printed) == ("Tabel 2.4", 10, "3,00")
    assert (erratum.indicator_id, erratum.indicator_name) == ("S10.I05", "ICOR")
    assert json.loads(erratum.listing) == [
        {"source_table": "Tabel 2.4", "source_line": 10, "printed": "3,00", "basis": "rpjmd"},
        {
            "source_table": "Tabel 3.2",
            "source_line": 30,
            "printed": "3,25",
            "basis": "lkjip_summary",
        },
    ]
    categories = pd.DataFrame(
        [target("Tabel 2.4", 1, "WTP", None, "rpjmd"), target("Tabel 2.2", 2, "WDP", None, "pk")]
    )
    assert kinds(audit.audit_conflicting_targets(categories, REPORT_YEAR)) == [
        "conflicting_targets"
    ]
    assert audit.audit_conflicting_targets(differ, REPORT_YEAR + 1) == []


# --- year labels ---------------------------------------------------------------------------


def test_year_label_near_a_heading():
    lines = ["Berikut Realisasi APBD Tahun 2017:", "", "Tabel 3.18", "Anggaran Tahun 2018"]
    anchors = [audit.Anchor("Tabel 3.18", 3, before=8, after=3)]
    (erratum,) = audit.audit_year_labels(lines, anchors, 2018)
    assert (erratum.kind, erratum.item, erratum.source_line) == (
        "mislabelled_year",
        "year_near_heading",
        1,
    )
    assert (erratum.printed, erratum.printed_value, erratum.year) == ("Tahun 2017", 2017.0, 2018)
    assert (erratum.other_table, erratum.other_line, erratum.other_item) == ("Tabel 3.18", 3, None)
    period = ["Sesuai RPJMD Tahun 2016-2021", "Tabel 3.18"]
    assert audit.audit_year_labels(period, [audit.Anchor("T", 2, 8, 3)], 2018) == []


def test_year_label_near_a_summary_statement():
    lines = ["x", "rata-rata capaian 76 % pada Tahun Anggaran 2017", "y"]
    summary = pd.DataFrame(
        [{"item": "average_capaian_pct", "source_table": "Bab IV", "source_line": 2, "raw": "76%"}]
    )
    anchors = audit.year_anchors(lines, ["Tabel 9.9"], summary)  # no such heading
    assert anchors == [audit.Anchor("Bab IV", 2, 2, 2, item="average_capaian_pct", printed="76%")]
    (erratum,) = audit.audit_year_labels(lines, anchors, 2018)
    assert (erratum.item, erratum.printed, erratum.other_item, erratum.other_printed) == (
        "year_near_statement",
        "Tahun Anggaran 2017",
        "average_capaian_pct",
        "76%",
    )


# --- on the real data ---------------------------------------------------------------------


def one(errata: pd.DataFrame, **fields: object) -> pd.Series:
    """The one erratum whose fields have the given values."""
    mask = pd.Series(True, index=errata.index)
    for name, value in fields.items():
        mask &= errata[name] == value
    (index,) = errata.index[mask]
    return errata.loc[index]


EXPECTED_ERRATA = 378
"""Every erratum the checks find in the 2018 report (183 before the second pass of the audit;
counts per kind and per cause in the issue's closing note; 360 before the checks of the count
tables (11), the list of audit findings (2) and the copied passages (5))."""


def test_errata_table_is_well_formed(errata):
    assert list(errata.columns) == audit.ERRATA_COLUMNS
    assert len(errata) == EXPECTED_ERRATA
    assert errata["erratum_id"].is_unique
    assert set(errata["kind"]) <= set(audit.KINDS)
    assert len(set(errata["kind"])) >= len(audit.KINDS) - 1  # no category error this year
    assert set(errata["severity"]) <= set(audit.SEVERITIES)
    assert set(errata["item"]) <= set(audit.ITEMS)
    assert set(errata["effect"]) <= set(audit.EFFECTS)
    assert errata["source"].eq("lkjip-binjai-2018").all()
    assert errata["source_line"].notna().all()
    assert list(errata["source_line"]) == sorted(errata["source_line"])


def test_ids_follow_kind_and_order(errata):
    for kind, group in errata.groupby("kind"):
        assert list(group["erratum_id"]) == [f"{kind}-{n:03d}" for n in range(1, len(group) + 1)]
    assert errata["erratum_id"].iloc[0] == "summary_mismatch-001"  # the Ikhtisar's counts


PROSE = re.compile(
    r" the | is | are | of | was | by |printed |computed |difference |exceeds|follows |"
    r"read as|None:|targets differ|is better| line \d"
)
"""Marks of an English sentence (the audit's texts before it gave fields)."""


def test_no_text_field_holds_english_prose(errata):
    text_columns = [c for c in errata.columns if pd.api.types.is_string_dtype(errata[c])]
    assert {"item", "printed", "listing", "effect"} <= set(text_columns)
    for column in text_columns:
        prose = [value for value in errata[column].dropna() if PROSE.search(str(value))]
        assert not prose, (column, prose[:3])
    for column in ("kind", "item", "effect", "measure", "unit", "total_item", "other_item"):
        codes = errata[column].dropna()
        assert codes.str.fullmatch(r"[a-z0-9_]+|Rp|%").all(), column
    assert not {"location", "evidence"} & set(errata.columns)


def test_budget_table_total_gap_in_rupiah_is_listed(errata):
    # Worked from the rows: the 162 printed rows sum to 561.867.620.279,00 (anggaran), but the
    # printed Jumlah is 917.275.403.412,62: Rp 355.407.783.133,62 short.
    jumlah = {"total_item": "budget_table_jumlah_anggaran"}
    rows = one(errata, item="sum_all_rows", **jumlah)
    assert rows["computed"] == pytest.approx(561_867_620_279.00)
    assert rows["printed_value"] == pytest.approx(917_275_403_412.62)
    assert rows["difference"] == pytest.approx(-355_407_783_133.62)
    assert (rows["source_table"], rows["other_table"], rows["unit"]) == (
        "Tabel 3.18",
        "Tabel 3.18",
        "Rp",
    )
    unique = one(errata, item="sum_without_duplicates", **jumlah)
    assert unique["computed"] == pytest.approx(560_051_881_579.00)


def test_pk_total_gap_is_listed(errata):
    row = one(errata, item="sum_all_rows", total_item="pk_jumlah_anggaran")
    assert row["difference"] == pytest.approx(-64_127_000_010.00)
    assert row["computed"] == pytest.approx(828_845_708_778.00)
    assert row["other_table"] == "PK 2019"


def test_known_source_errors_are_found(errata):
    year = one(errata, kind="mislabelled_year", source_line=16905)  # Tabel 3.18 intro says 2017
    assert (year["printed"], year["year"], year["other_table"]) == (
        "Tahun 2017",
        2018,
        "Tabel 3.18",
    )
    impossible = one(errata, item="realisasi_over_anggaran")  # row 44: 4.600 % absorbed
    assert (impossible["row_seq"], impossible["printed_no"]) == (44, "43")
    assert impossible["realisasi"] == pytest.approx(27_232_027_500.00)
    assert impossible["computed"] == pytest.approx(4600.0, abs=0.01)
    selisih = one(errata, item="ikhtisar_selisih")
    assert selisih["difference"] == pytest.approx(-628_132_450.00)
    malformed = one(errata, kind="malformed_number", printed="19.11.101.030,00")
    assert (malformed["printed_table"], malformed["measure"]) == ("lkjip_budget", "realisasi")
    assert malformed["printed_value"] == pytest.approx(1_911_101_030.0)


def test_conflicting_targets_list_every_table(errata):
    icor = one(errata, kind="conflicting_targets", indicator_id="S10.I08")
    places = json.loads(icor["listing"])
    assert [(p["source_table"], p["printed"]) for p in places] == [
        ("Tabel 2.4", "3,00"),
        ("Tabel 2.2", "3,00"),
        ("Tabel 3.2", "3,00"),
        ("Tabel 3.12", "3,25"),
    ]
    assert (icor["source_line"], icor["year"]) == (places[0]["source_line"], 2018)


def test_mislabelled_years_in_report_passages(errata):
    years = errata[errata["kind"] == "mislabelled_year"]
    # PK 2018 intro; 3.18 intro and the passage before it; Bab IV; the Gambar 1.2 source line;
    # "tahun kedua" for 2018 (7078, 9507, 19652); the caption of Grafik 4.1; the BPK block and
    # the Inspektorat's LHP of 2017 in the Daftar Temuan of 2018 (11805, 11839)
    assert set(years["source_line"]) == {
        664,
        7078,
        7113,
        9507,
        11805,
        11839,
        16861,
        16867,
        16905,
        19652,
        19688,
        19707,
    }
    statement = one(years, item="year_near_statement")
    assert (statement["other_item"], statement["other_printed"]) == ("average_capaian_pct", "76%")
