"""Targets of one indicator and year that disagree across tables or rows."""

from __future__ import annotations

import json

import pandas as pd

from binjai_analysis.analysis.audit.erratum import Erratum, number_or_none, present, printed_text

BASIS_ORDER = {"rpjmd": 0, "pk": 1, "lkjip_summary": 2, "lkjip_table": 3}
"""The order in which conflicting targets are listed: plan, agreement, then the report."""


def _same_target(values: list[object], raws: list[str]) -> bool:
    numbers = [float(v) for v in values if present(v)]
    if len(numbers) == len(values):
        return max(numbers) - min(numbers) <= 1e-9 * max(1.0, abs(max(numbers)))
    return len({" ".join(raw.upper().split()) for raw in raws}) == 1


def _listing(rows: pd.DataFrame) -> str:
    """Places as a JSON list: each row's table, line, target as printed and basis."""
    places = [
        {
            "source_table": str(row.source_table),
            "source_line": int(row.source_line),
            "printed": str(row.raw),
            "basis": str(row.basis),
        }
        for row in rows.itertuples()
    ]
    return json.dumps(places, ensure_ascii=False)


def audit_conflicting_targets(performance: pd.DataFrame, year: int) -> list[Erratum]:
    """The same indicator with different targets for `year` in different tables (or rows)."""
    targets = performance[
        (performance["measure"] == "target")
        & (performance["year"] == year)
        & performance["indicator_id"].fillna("").ne("")
    ]
    errata = []
    for indicator_id, rows in targets.groupby("indicator_id", sort=True):
        if len(rows) < 2 or _same_target(list(rows["value"]), list(rows["raw"])):
            continue
        rows = rows.assign(order=rows["basis"].map(BASIS_ORDER).fillna(len(BASIS_ORDER)))
        rows = rows.sort_values(["order", "source_line"])
        first = rows.iloc[0]
        errata.append(
            Erratum(
                kind="conflicting_targets",
                severity="medium",
                source_table=str(first["source_table"]),
                source_line=int(first["source_line"]),
                item="targets_differ",
                measure="target",
                year=int(year),
                indicator_id=str(indicator_id),
                indicator_name=printed_text(first["indicator_name"]),
                printed=str(first["raw"]),
                printed_value=number_or_none(first["value"]),
                listing=_listing(rows),
                effect="targets_kept_per_table",
            )
        )
    return errata
