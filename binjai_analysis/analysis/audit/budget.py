"""Budget checks: each program row's arithmetic, repeats and numbering; the totals."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.audit.erratum import (
    PERCENT,
    RUPIAH,
    Erratum,
    as_int,
    number_or_none,
    present,
    printed_precision,
    printed_text,
    severity_of_gap,
    table_name,
)
from binjai_analysis.analysis.budget import (
    SAME_FIGURES,
    SAME_ROW,
    budget_rows,
    budget_sums,
    repeated_rows,
)


def _row_identity(row: object) -> dict[str, object]:
    """The fields naming a budget row: print order, printed number, program."""
    return {
        "row_seq": int(row.row_seq),
        "printed_no": printed_text(row.printed_no),
        "program": printed_text(row.program),
    }


def _row_figures(row: object) -> dict[str, float | None]:
    """A budget row's anggaran and realisasi (None when not printed)."""
    realisasi = getattr(row, "realisasi", None)
    return {"anggaran": number_or_none(row.anggaran), "realisasi": number_or_none(realisasi)}


def audit_budget_rows(budget: pd.DataFrame, source_table: str) -> list[Erratum]:
    """Per program row: printed % vs realisasi/anggaran, realisasi above anggaran, numbering."""
    rows = budget_rows(budget)
    errata: list[Erratum] = []
    previous: tuple[int, int] | None = None  # (printed no., row_seq) of the last numbered row
    repeats = repeated_rows(rows).set_index("row_seq")
    for row in rows.itertuples(index=False):
        errata += _audit_row_percent(row, source_table)
        if row.row_seq in repeats.index:
            errata.append(_repeat_erratum(row, source_table, repeats.loc[row.row_seq]))
        printed_no = as_int(row.printed_no)
        if previous is not None and printed_no is not None and printed_no != previous[0] + 1:
            errata.append(
                Erratum(
                    kind="renumbered_row",
                    severity="low",
                    source_table=source_table,
                    source_line=int(row.anggaran_line),
                    item="printed_no_jump",
                    **_row_identity(row),
                    other_row=previous[1],
                    other_printed=str(previous[0]),
                    effect="rows_by_print_order",
                )
            )
        previous = (printed_no, int(row.row_seq)) if printed_no is not None else previous
    return errata


def _audit_row_percent(row: object, source_table: str) -> list[Erratum]:
    """A row's printed % that is not realisasi / anggaran; a realisasi above the anggaran."""
    anggaran, realisasi = row.anggaran, getattr(row, "realisasi", None)
    if not (present(anggaran) and present(realisasi) and anggaran > 0):
        return []
    computed = realisasi / anggaran * 100.0
    shared = {"source_table": source_table, **_row_identity(row), **_row_figures(row)}
    errata: list[Erratum] = []
    if present(getattr(row, "persen", None)):
        gap = abs(computed - row.persen)
        if gap > printed_precision(row.persen_raw) + 1e-9:
            errata.append(
                Erratum(
                    kind="arithmetic_error",
                    severity=severity_of_gap(gap),
                    source_line=int(row.persen_line),
                    item="row_percent",
                    measure="persen",
                    printed=printed_text(row.persen_raw),
                    printed_value=float(row.persen),
                    computed=computed,
                    difference=computed - float(row.persen),
                    unit=PERCENT,
                    effect="absorption_recomputed",
                    **shared,
                )
            )
    if realisasi > anggaran:
        errata.append(
            Erratum(
                kind="impossible_value",
                severity="high",
                source_line=int(row.realisasi_line),
                item="realisasi_over_anggaran",
                measure="realisasi",
                printed=printed_text(row.realisasi_raw),
                printed_value=float(realisasi),
                computed=computed,
                unit=PERCENT,
                effect="over_budget_flagged",
                **shared,
            )
        )
    return errata


REPEATS = {
    SAME_ROW: ("high", "duplicate_counted_once"),
    SAME_FIGURES: ("medium", "figures_kept_as_printed"),
}
"""Severity and effect of each way a row repeats an earlier one (`budget.repeated_rows`)."""


def _repeat_erratum(row: object, source_table: str, repeat: pd.Series) -> Erratum:
    """A row repeating an earlier one: same program and figures, or same figures renamed."""
    severity, effect = REPEATS[repeat["repeat"]]
    return Erratum(
        kind="duplicate_row",
        severity=severity,
        source_table=source_table,
        source_line=int(row.anggaran_line),
        measure="anggaran",
        **_row_identity(row),
        **_row_figures(row),
        printed=printed_text(row.anggaran_raw),
        printed_value=float(row.anggaran),
        unit=RUPIAH,
        item=repeat["repeat"],
        other_row=int(repeat["same_as_row_seq"]),
        effect=effect,
    )


def _total(totals: pd.DataFrame, item: str) -> pd.Series | None:
    match = totals[totals["item"] == item]
    return None if match.empty else match.iloc[0]


def _compare_total(
    reference: float,
    printed: pd.Series | None,
    item: str,
    effect: str = "totals_from_rows",
    tolerance: float = 0.5,
    **details: object,
) -> list[Erratum]:
    """A printed total that differs from `reference` (a sum we computed, or another printed
    total when `details` name it as `other_value`); `details` are further Erratum fields."""
    if printed is None or not present(printed["value"]):
        return []
    gap = reference - float(printed["value"])
    if abs(gap) <= tolerance:
        return []
    computed = {} if "other_value" in details else {"computed": reference}
    return [
        Erratum(
            kind="total_mismatch",
            severity="high" if abs(gap) >= 1e6 else "medium",
            source_table=str(printed["source_table"]),
            source_line=int(printed["source_line"]),
            item=item,
            total_item=str(printed["item"]),
            printed=str(printed["raw"]),
            printed_value=float(printed["value"]),
            difference=gap,
            unit=RUPIAH,
            effect=effect,
            **computed,
            **details,
        )
    ]


def audit_budget_totals(
    budget: pd.DataFrame | None, plan_budget: pd.DataFrame | None, totals: pd.DataFrame
) -> list[Erratum]:
    """Row sums vs the printed Jumlah and the Ikhtisar; the Ikhtisar's own arithmetic; the
    Perjanjian Kinerja's rows vs its Jumlah."""
    errata: list[Erratum] = []
    if budget is not None:
        errata += _audit_realisation_totals(budget, totals)
    if plan_budget is not None:
        pk_rows = budget_rows(plan_budget)
        errata += _compare_total(
            float(pk_rows["anggaran"].sum()),
            _total(totals, "pk_jumlah_anggaran"),
            "sum_all_rows",
            measure="anggaran",
            other_table=table_name(plan_budget, "PK"),
        )
    return errata


IKHTISAR_ITEMS = {"anggaran": "ikhtisar_pagu", "realisasi": "ikhtisar_realisasi"}
"""The Ikhtisar's printed total of each budget measure (budget_totals items)."""


def _audit_realisation_totals(budget: pd.DataFrame, totals: pd.DataFrame) -> list[Erratum]:
    sums = budget_sums(budget)
    table = table_name(budget, "budget table")
    errata: list[Erratum] = []
    for measure in ("anggaran", "realisasi"):
        jumlah = _total(totals, f"budget_table_jumlah_{measure}")
        place = {"measure": measure, "other_table": table}
        errata += _compare_total(sums[measure], jumlah, "sum_all_rows", **place)
        errata += _compare_total(
            sums[f"{measure}_without_duplicates"], jumlah, "sum_without_duplicates", **place
        )
    for measure, item in IKHTISAR_ITEMS.items():
        place = {"measure": measure, "other_table": table}
        errata += _compare_total(sums[measure], _total(totals, item), "ikhtisar_vs_rows", **place)
        jumlah = _total(totals, f"budget_table_jumlah_{measure}")
        if jumlah is not None:
            errata += _compare_total(
                float(jumlah["value"]),
                _total(totals, item),
                "ikhtisar_vs_jumlah",
                **place,
                other_item=str(jumlah["item"]),
                other_line=int(jumlah["source_line"]),
                other_printed=str(jumlah["raw"]),
                other_value=float(jumlah["value"]),
            )
    errata += _audit_total_percent(totals, "budget_table_jumlah")
    errata += _audit_ikhtisar(totals)
    return errata


def _audit_total_percent(totals: pd.DataFrame, prefix: str) -> list[Erratum]:
    anggaran, realisasi = (
        _total(totals, f"{prefix}_anggaran"),
        _total(totals, f"{prefix}_realisasi"),
    )
    persen = _total(totals, f"{prefix}_persen")
    if anggaran is None or realisasi is None or persen is None:
        return []
    computed = float(realisasi["value"]) / float(anggaran["value"]) * 100.0
    gap = abs(computed - float(persen["value"]))
    if gap <= printed_precision(persen["raw"]) + 1e-9:
        return []
    return [
        Erratum(
            kind="arithmetic_error",
            severity=severity_of_gap(gap),
            source_table=str(persen["source_table"]),
            source_line=int(persen["source_line"]),
            item="total_percent",
            measure="persen",
            total_item=str(persen["item"]),
            printed=str(persen["raw"]),
            printed_value=float(persen["value"]),
            computed=computed,
            difference=computed - float(persen["value"]),
            unit=PERCENT,
            anggaran=float(anggaran["value"]),
            realisasi=float(realisasi["value"]),
            effect="percent_recomputed",
        )
    ]


def _audit_ikhtisar(totals: pd.DataFrame) -> list[Erratum]:
    pagu, realisasi = _total(totals, "ikhtisar_pagu"), _total(totals, "ikhtisar_realisasi")
    if pagu is None or realisasi is None:
        return []
    errata = _audit_total_percent(
        totals.replace({"item": {"ikhtisar_pagu": "ikhtisar_anggaran"}}), "ikhtisar"
    )
    selisih = _total(totals, "ikhtisar_selisih")
    if selisih is not None:
        errata += _compare_total(
            float(pagu["value"]) - float(realisasi["value"]),
            selisih,
            "ikhtisar_selisih",
            effect="selisih_recomputed",
            measure="selisih",
            anggaran=float(pagu["value"]),
            realisasi=float(realisasi["value"]),
        )
    return errata
