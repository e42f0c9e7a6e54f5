"""Budget checks: each program row's arithmetic, repeats, lost digits and numbering; the
totals."""

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
    SAME_PROGRAM,
    SAME_ROW,
    budget_rows,
    budget_sums,
    repeated_rows,
)
from binjai_analysis.data.model import DataModel


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
    by_seq = {int(row.row_seq): row for row in rows.itertuples(index=False)}
    for row in rows.itertuples(index=False):
        lost = lost_digits(row)
        if lost is not None:
            errata.append(_lost_digits_erratum(row, source_table, *lost))
        errata += _audit_row_percent(row, source_table, percent_explained=lost is not None)
        if row.row_seq in repeats.index:
            repeat = repeats.loc[row.row_seq]
            earlier = by_seq[int(repeat["same_as_row_seq"])]
            errata.append(_repeat_erratum(row, source_table, repeat, earlier))
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


def _audit_row_percent(
    row: object, source_table: str, percent_explained: bool = False
) -> list[Erratum]:
    """A row's printed % that is not realisasi / anggaran (unless `percent_explained`: the
    % fits once a figure's lost digits are restored); a realisasi above the anggaran."""
    anggaran, realisasi = row.anggaran, getattr(row, "realisasi", None)
    if not (present(anggaran) and present(realisasi) and anggaran > 0):
        return []
    computed = realisasi / anggaran * 100.0
    shared = {"source_table": source_table, **_row_identity(row), **_row_figures(row)}
    errata: list[Erratum] = []
    if present(getattr(row, "persen", None)) and not percent_explained:
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
    SAME_PROGRAM: ("medium", "program_rows_kept"),
}
"""Severity and effect of each way a row repeats an earlier one (`budget.repeated_rows`)."""
MONEY_MEASURES = ("anggaran", "realisasi")
"""A budget row's amounts, in the order a repeat names the one that differs."""


def _repeat_erratum(row: object, source_table: str, repeat: pd.Series, earlier: object) -> Erratum:
    """A row repeating an earlier one: same program and figures, same figures renamed, or
    the same program with other figures (then `measure` is the first amount that differs and
    `other_*` give the earlier row's amount)."""
    severity, effect = REPEATS[repeat["repeat"]]
    measure, other = "anggaran", {}
    if repeat["repeat"] == SAME_PROGRAM:
        measure = next(m for m in MONEY_MEASURES if _amount(row, m) != _amount(earlier, m))
        other = {
            "other_table": source_table,
            "other_line": as_int(getattr(earlier, f"{measure}_line", None)),
            "other_printed": printed_text(getattr(earlier, f"{measure}_raw", None)),
            "other_value": _amount(earlier, measure),
            "affects": "anggaran" if measure == "anggaran" else "serapan",
        }
    line = getattr(row, f"{measure}_line")
    return Erratum(
        kind="duplicate_row",
        severity=severity,
        source_table=source_table,
        source_line=int(line if present(line) else row.anggaran_line),
        measure=measure,
        **_row_identity(row),
        **_row_figures(row),
        printed=printed_text(getattr(row, f"{measure}_raw")),
        printed_value=_amount(row, measure),
        unit=RUPIAH,
        item=repeat["repeat"],
        other_row=int(repeat["same_as_row_seq"]),
        effect=effect,
        **other,
    )


def _amount(row: object, measure: str) -> float | None:
    """A row's anggaran or realisasi (None when not printed)."""
    return number_or_none(getattr(row, measure, None))


DIGIT_GROUP = 3
"""Amounts are printed in groups of three digits: a lost group makes a figure 1.000 times too
small."""
MAX_LOST_GROUPS = 3
"""At most this many lost groups are looked for (a factor of 10^9); beyond it no misprint is
plausible."""


def lost_digits(row: object) -> tuple[str, int, float] | None:
    """An amount of a budget row that lost whole groups of digits: the row's printed % does
    not fit its figures, but fits once the realisasi (or the anggaran) is multiplied by 1.000^k.

    The % implies the realisasi (persen × anggaran / 100) or the anggaran (realisasi × 100 /
    persen) up to the rounding of the printed %; the restored figure may also miss the lost
    group's digits (up to 1.000^k). Returns the measure, k and the implied amount.
    """
    anggaran, realisasi = _amount(row, "anggaran"), _amount(row, "realisasi")
    persen, persen_raw = getattr(row, "persen", None), getattr(row, "persen_raw", None)
    if not (present(persen) and anggaran and realisasi and persen > 0 and anggaran > 0):
        return None
    half = printed_precision(str(persen_raw))
    if abs(realisasi / anggaran * 100.0 - persen) <= half + 1e-9:
        return None  # the row fits as printed
    implied = {
        "realisasi": (persen * anggaran / 100.0, half * anggaran / 100.0),
        "anggaran": (realisasi * 100.0 / persen, realisasi * 100.0 * half / persen**2),
    }
    for measure, figure in (("realisasi", realisasi), ("anggaran", anggaran)):
        amount, spread = implied[measure]
        for groups in range(1, MAX_LOST_GROUPS + 1):
            scale = 10.0 ** (DIGIT_GROUP * groups)
            if abs(figure * scale - amount) <= spread + scale:
                return measure, groups, amount
    return None


def _grouped(amount: float) -> str:
    """A whole amount with Indonesian thousands separators, e.g. '14.324.706.000'."""
    return f"{amount:,.0f}".replace(",", ".")


def _lost_digits_erratum(
    row: object, source_table: str, measure: str, groups: int, implied: float
) -> Erratum:
    """A row's amount printed without `groups` groups of digits (see `lost_digits`)."""
    printed_value = float(getattr(row, measure))
    return Erratum(
        kind="misprinted_number",
        severity="high",
        source_table=source_table,
        source_line=int(getattr(row, f"{measure}_line")),
        item=f"{measure}_digits_lost",
        measure=measure,
        **_row_identity(row),
        **_row_figures(row),
        printed=printed_text(getattr(row, f"{measure}_raw")),
        printed_value=printed_value,
        computed=implied,
        difference=implied - printed_value,
        expected=f"≈ {_grouped(printed_value * 10.0 ** (DIGIT_GROUP * groups))}",
        unit=RUPIAH,
        other_table=source_table,
        other_line=int(row.persen_line),
        other_printed=printed_text(row.persen_raw),
        other_value=float(row.persen),
        affects="serapan",
        effect="digits_lost_flagged",
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


BUDGET_TABLES = {"lkjip_budget": "budget table", "pk_budget": "PK"}
"""The printed budget tables a source may hold, with the name to use when one prints none."""


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Every budget check over one source: each table's rows, then the totals."""
    tables = model.printed[source_id]
    errata: list[Erratum] = []
    for name, default in BUDGET_TABLES.items():
        if name in tables and not tables[name].empty:  # an empty table has no rows to check
            errata += audit_budget_rows(tables[name], table_name(tables[name], default))
    empty = pd.DataFrame(columns=["item", "value"])
    errata += audit_budget_totals(
        tables.get("lkjip_budget"), tables.get("pk_budget"), tables.get("budget_totals", empty)
    )
    return errata
