"""The audit finds the source's errors by computation: on made-up tables, then on the real data."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis import audit
from binjai_analysis.analysis import budget as budget_module
from binjai_analysis.data import load_all


def budget_frame(rows: list[tuple[int, str, str, float, float, float | None]]) -> pd.DataFrame:
    """Long budget rows from (row_seq, printed_no, program, anggaran, realisasi, persen)."""
    records = []
    for seq, number, program, anggaran, realisasi, persen in rows:
        for measure, value in (
            ("anggaran", anggaran),
            ("realisasi", realisasi),
            ("persen", persen),
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
                    "source_line": 100 + seq,
                    "raw": raw,
                    "number_style": "id",
                    "value": value,
                    "parse_note": "",
                }
            )
    return pd.DataFrame(records)


def kinds(errata: list[audit.Erratum]) -> list[str]:
    return [erratum.kind for erratum in errata]


def test_clean_budget_has_no_errata():
    budget = budget_frame(
        [(1, "1", "Program A", 200.0, 100.0, 50.0), (2, "2", "Program B", 100.0, 75.0, 75.0)]
    )
    assert audit.audit_budget_rows(budget, "Tabel X") == []


def test_wrong_printed_percent_is_an_arithmetic_error():
    budget = budget_frame([(1, "1", "Program A", 200.0, 100.0, 55.0)])
    (erratum,) = audit.audit_budget_rows(budget, "Tabel X")
    assert erratum.kind == "arithmetic_error"
    assert erratum.severity == "high"
    assert "= 50,00 %; printed 55,00 %" in erratum.evidence


def test_rounding_within_printed_precision_is_not_an_error():
    budget = budget_frame([(1, "1", "Program A", 3.0, 1.0, 33.33)])
    assert audit.audit_budget_rows(budget, "Tabel X") == []


def test_realisation_above_budget_is_impossible():
    budget = budget_frame([(1, "1", "Program A", 100.0, 150.0, 150.0)])
    assert kinds(audit.audit_budget_rows(budget, "Tabel X")) == ["impossible_value"]


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
    assert [e.severity for e in found if e.kind == "duplicate_row"] == ["high", "medium"]
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


def test_year_label_near_a_heading():
    lines = ["Berikut Realisasi APBD Tahun 2017:", "", "Tabel 3.18", "Anggaran Tahun 2018"]
    anchors = [audit.Anchor("Tabel 3.18", "heading", 3, before=8, after=3)]
    (erratum,) = audit.audit_year_labels(lines, anchors, 2018)
    assert erratum.kind == "mislabelled_year"
    assert erratum.source_line == 1
    period = ["Sesuai RPJMD Tahun 2016-2021", "Tabel 3.18"]
    assert audit.audit_year_labels(period, [audit.Anchor("T", "h", 2, 8, 3)], 2018) == []


def test_reported_capaian_follows_from_either_polarity():
    def rows(target, realisasi, capaian, predikat):
        base = {
            "source_table": "Tabel 3.x",
            "sasaran_no": 1,
            "indicator_no": "1",
            "indicator_name": "X",
            "unit": "%",
            "year": 2018,
            "number_style": "id",
            "parse_note": "",
        }
        return [
            {**base, "measure": "target", "raw": str(target), "value": target, "source_line": 1},
            {
                **base,
                "measure": "realisasi",
                "raw": str(realisasi),
                "value": realisasi,
                "source_line": 2,
            },
            {
                **base,
                "measure": "capaian",
                "raw": f"{capaian}%",
                "value": capaian,
                "source_line": 3,
            },
            {**base, "measure": "predikat", "raw": predikat, "value": None, "source_line": 4},
        ]

    consistent_lower = pd.DataFrame(rows(10, 12, 80, "Tinggi"))  # (2*10 - 12)/10 = 80 %
    assert audit.audit_reported_capaian(consistent_lower) == []
    wrong = pd.DataFrame(rows(80, 60, 55, "Sangat Baik"))  # 75 % or 125 %, printed 55 %
    assert kinds(audit.audit_reported_capaian(wrong)) == [
        "reported_capaian_mismatch",
        "reported_predikat_mismatch",
    ]


# --- on the real data ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def errata() -> pd.DataFrame:
    return audit.run_audit(load_all())


def test_errata_table_is_well_formed(errata):
    assert list(errata.columns) == audit.ERRATA_COLUMNS
    assert errata["erratum_id"].is_unique
    assert set(errata["kind"]) <= set(audit.KINDS)
    assert set(errata["severity"]) <= set(audit.SEVERITIES)


def test_tabel_3_18_total_gap_in_rupiah_is_listed(errata):
    # Worked from the rows: the 162 printed rows sum to 561.867.620.279,00 (anggaran), but the
    # printed Jumlah is 917.275.403.412,62: Rp 355.407.783.133,62 short.
    rows = errata[errata["location"] == "Jumlah anggaran: sum of all printed rows"]
    assert "difference Rp -355.407.783.133,62" in rows["evidence"].item()
    unique = errata[errata["location"] == "Jumlah anggaran: sum of rows without duplicated rows"]
    assert "computed Rp 560.051.881.579,00" in unique["evidence"].item()


def test_pk_2019_total_gap_is_listed(errata):
    row = errata[errata["location"] == "PK 2019 Jumlah anggaran: sum of program rows"]
    assert "difference Rp -64.127.000.010,00" in row["evidence"].item()


def test_known_source_errors_are_found(errata):
    evidence = " ".join(errata["evidence"])
    assert "'Tahun 2017' printed at line 16905" in evidence  # Tabel 3.18 intro says 2017
    impossible = errata[errata["kind"] == "impossible_value"]
    assert "27.232.027.500,00" in " ".join(impossible["evidence"])  # row 43, 4.600 % absorbed
    selisih = errata[errata["location"] == "Ikhtisar selisih: pagu − realisasi"]
    assert "difference Rp -628.132.450,00" in selisih["evidence"].item()
    malformed = errata[errata["kind"] == "malformed_number"]
    assert any("19.11.101.030,00" in text for text in malformed["evidence"])


def test_conflicting_targets_across_tables():
    def target(table, line, raw, value, indicator="S10.I05"):
        return {
            "source_table": table,
            "source_line": line,
            "raw": raw,
            "value": value,
            "indicator_id": indicator,
            "indicator_name": "ICOR",
            "measure": "target",
            "year": 2018,
        }

    agree = pd.DataFrame([target("Tabel 2.4", 10, "3,00", 3.0), target("Tabel 2.2", 20, "3", 3.0)])
    assert audit.audit_conflicting_targets(agree) == []
    differ = pd.DataFrame(
        [
            target("Tabel 3.2", 30, "3,25", 3.25),
            target("Tabel 2.4", 10, "3,00", 3.0),
            target("Tabel 2.2", 20, "WTP", None, indicator="S01.I01"),
        ]
    )
    (erratum,) = audit.audit_conflicting_targets(differ)
    assert erratum.kind == "conflicting_targets"
    assert erratum.evidence == (
        "2018 targets differ: Tabel 2.4 line 10: 3,00; Tabel 3.2 line 30: 3,25"
    )
    categories = pd.DataFrame(
        [target("Tabel 2.4", 1, "WTP", None), target("Tabel 2.2", 2, "WDP", None)]
    )
    assert [e.kind for e in audit.audit_conflicting_targets(categories)] == ["conflicting_targets"]


def test_mislabelled_years_in_report_passages(errata):
    years = errata[errata["kind"] == "mislabelled_year"]
    assert set(years["source_line"]) == {7113, 16905, 19688}  # PK 2018 intro, 3.18 intro, Bab IV
