"""A plan year against the last realisation year: Perjanjian Kinerja targets against the
realisations, program budgets against the last budget, and the PK's printed total.

Columns ending in `_plan` hold the plan year's figures, those ending in `_base` the base
year's (the latest realisation year before it); views put the years into the labels.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.achievement import ordinal_rank
from binjai_analysis.analysis.budget import budget_rows, duplicate_row_seqs, match_program_names


def _direction(change: float, tolerance: float = 1e-9) -> str:
    return "sama" if abs(change) <= tolerance else ("naik" if change > 0 else "turun")


AMBITIOUS, SAME, LESS_AMBITIOUS = "lebih ambisius", "sama", "kurang ambisius"
NOT_COMPARABLE = "tidak dapat dibandingkan"


def _ambition(change: float, polarity: str) -> str:
    """More ambitious: the plan target is better than the base realisation, read with polarity."""
    if abs(change) <= 1e-9:
        return SAME
    better = change > 0 if polarity != "lower" else change < 0
    return AMBITIOUS if better else LESS_AMBITIOUS


def target_ambition(targets: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    """Each Perjanjian Kinerja target of the plan year beside the indicator's base-year result.

    `targets` are the plan year's canonical values of basis `pk`; `results` is
    `performance.indicator_results(...)` of the base year. `direction` is the plain change of
    the number (naik, turun, sama); `ambition` reads it with the indicator's polarity: lebih
    ambisius, sama, kurang ambisius (a lower target for a lower-is-better indicator is more
    ambitious). Ordinal targets (WTP, A, ...) compare ranks.
    """
    targets = targets[(targets["indicator_id"] != "") & (targets["measure"] == "target")]
    targets = targets.drop_duplicates("indicator_id", keep="first")
    columns = {"raw": "target_plan_raw", "value": "target_plan", "source_line": "target_plan_line"}
    targets = targets[["indicator_id", "indicator_no", *columns]].rename(columns=columns)
    realised = results[
        [
            "indicator_id",
            "name",
            "sasaran_id",
            "polarity",
            "realisasi",
            "realisasi_raw",
            "capaian_status",
        ]
    ]
    table = targets.merge(realised, on="indicator_id", how="left", validate="one_to_one")
    directions, ambitions = [], []
    for row in table.itertuples():
        change = _change(row)
        if change is None:
            directions.append(NOT_COMPARABLE)
            ambitions.append(NOT_COMPARABLE)
        else:
            directions.append(_direction(change))
            ambitions.append(_ambition(change, row.polarity))
    table["direction"] = directions
    table["ambition"] = ambitions
    return table.sort_values("indicator_id").reset_index(drop=True)


def _change(row: object) -> float | None:
    """Plan target minus base realisation, in value or ordinal rank; None when not comparable."""
    if row.polarity == "qualitative":
        target, realised = (
            ordinal_rank(str(row.target_plan_raw)),
            ordinal_rank(str(row.realisasi_raw)),
        )
        if target is None or realised is None or target[0] != realised[0]:
            return None
        return float(target[1] - realised[1])
    if pd.isna(row.target_plan) or pd.isna(row.realisasi) or row.capaian_status != "ok":
        return None
    return float(row.target_plan) - float(row.realisasi)


def _by_program(budget: pd.DataFrame, measures: list[str]) -> pd.DataFrame:
    rows = budget_rows(budget)
    rows = rows[~rows["row_seq"].isin(duplicate_row_seqs(budget))]
    grouped = rows.groupby("program_key", sort=True)
    table = grouped[measures].sum(min_count=1)
    table["program"] = grouped["program"].first()
    table["rows"] = grouped.size()
    return table


BOTH, ONLY_BASE, ONLY_PLAN = "both years", "only base", "only plan"
"""`budget_change`'s `match`: the program is in both years' budgets, or in one only."""


def budget_change(
    base: pd.DataFrame, planned: pd.DataFrame, fuzzy_cutoff: float = 0.9
) -> pd.DataFrame:
    """The plan year's allocation per program against the base year's anggaran and realisasi.

    `base` is the base year's budget (LKjIP budget lines), `planned` the plan year's (PK budget
    lines). Programs are matched by normalised name (`budget.normalise_program`), then names
    spelled differently are paired when their similarity is at least `fuzzy_cutoff`
    (`match_basis` gives the score). A name printed on several rows is summed on each side
    (duplicated rows excluded). `match` says whether the program is in both years or only one
    (BOTH, ONLY_BASE, ONLY_PLAN); unmatched programs stay in the table.
    """
    previous = _by_program(base, ["anggaran", "realisasi"]).rename(
        columns={
            "anggaran": "anggaran_base",
            "realisasi": "realisasi_base",
            "program": "program_base",
            "rows": "rows_base",
        }
    )
    plan = _by_program(planned, ["anggaran"]).rename(
        columns={"anggaran": "anggaran_plan", "program": "program_plan", "rows": "rows_plan"}
    )
    previous["match_basis"] = "same name"
    only_previous = sorted(set(previous.index) - set(plan.index))
    only_planned = sorted(set(plan.index) - set(previous.index))
    pairs = match_program_names(only_planned, only_previous, fuzzy_cutoff)
    renamed = {old: new for new, (old, _) in pairs.items()}
    previous = previous.rename(index=renamed)
    for new, (_, score) in pairs.items():
        previous.loc[new, "match_basis"] = f"similar name ({score:.2f})"
    table = previous.join(plan, how="outer")
    table["match"] = BOTH
    table.loc[table["anggaran_plan"].isna(), "match"] = ONLY_BASE
    table.loc[table["anggaran_base"].isna(), "match"] = ONLY_PLAN
    table.loc[table["match"] != BOTH, "match_basis"] = "unmatched"
    table["program"] = table["program_plan"].fillna(table["program_base"])
    table["change_vs_anggaran_base"] = table["anggaran_plan"] - table["anggaran_base"]
    table["change_vs_anggaran_base_pct"] = (
        table["change_vs_anggaran_base"] / table["anggaran_base"] * 100.0
    ).where(table["anggaran_base"] > 0)
    table["change_vs_realisasi_base_pct"] = (
        (table["anggaran_plan"] - table["realisasi_base"]) / table["realisasi_base"] * 100.0
    ).where(table["realisasi_base"] > 0)
    return table.reset_index().sort_values(["match", "program_key"]).reset_index(drop=True)


def plan_totals(planned: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """The PK's printed Jumlah beside the sum of its rows (all, and without duplicated rows).

    `planned` is the plan year's budget lines, `totals` the PK's printed totals. Columns:
    `total` (which sum), `basis` (computed or printed), `anggaran`, `rows`, and
    `anggaran_minus_printed_jumlah` (rupiah; NaN when the PK prints no Jumlah).
    """
    rows = budget_rows(planned)
    duplicates = duplicate_row_seqs(planned)
    printed = totals.loc[totals["item"] == "pk_jumlah_anggaran", "value"] if len(totals) else []
    jumlah = float(printed.iloc[0]) if len(printed) else float("nan")
    table = pd.DataFrame(
        [
            ("all_rows", float(rows["anggaran"].sum()), "dihitung", len(rows)),
            (
                "rows_without_duplicates",
                float(rows.loc[~rows["row_seq"].isin(duplicates), "anggaran"].sum()),
                "dihitung",
                len(rows) - len(duplicates),
            ),
            ("printed_jumlah", jumlah, "tercetak", pd.NA),
        ],
        columns=["total", "anggaran", "basis", "rows"],
    )
    table["anggaran_minus_printed_jumlah"] = table["anggaran"] - jumlah
    return table
