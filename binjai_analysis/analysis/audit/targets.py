"""Targets of one indicator and year that disagree across tables or rows.

For the report year every basis is compared (plan, agreement, the report's own tables); for
every other year with both an agreement (PK) and a medium-term plan (RPJMD) target, the PK
targets are compared with the RPJMD targets of that year.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.audit.erratum import (
    Erratum,
    number_or_none,
    places_listing,
    present,
    printed_text,
)
from binjai_analysis.data.model import DataModel

BASIS_ORDER = {"rpjmd": 0, "pk": 1, "lkjip_summary": 2, "lkjip_table": 3}
"""The order in which conflicting targets are listed: plan, agreement, then the report."""
PLAN_BASIS, AGREEMENT_BASIS = "rpjmd", "pk"
"""The medium-term plan's targets (RPJMD) and the yearly agreements' targets (PK)."""
REPORT_KIND = "LKjIP"
"""Documents whose year is a report year: all their tables' targets are compared."""


def _same_target(values: list[object], raws: list[str]) -> bool:
    numbers = [float(v) for v in values if present(v)]
    if len(numbers) == len(values):
        return max(numbers) - min(numbers) <= 1e-9 * max(1.0, abs(max(numbers)))
    return len({" ".join(raw.upper().split()) for raw in raws}) == 1


def _listing_order(row: dict) -> tuple[int, object]:
    return BASIS_ORDER.get(row["basis"], len(BASIS_ORDER)), row["source_line"]


def audit_conflicting_targets(performance: pd.DataFrame, year: int) -> list[Erratum]:
    """The same indicator with different targets for `year` in different tables (or rows)."""
    targets = performance[
        (performance["measure"] == "target")
        & (performance["year"] == year)
        & performance["indicator_id"].fillna("").ne("")
    ]
    by_indicator: dict[str, list[dict]] = {}
    for row in targets.to_dict("records"):
        by_indicator.setdefault(row["indicator_id"], []).append(row)
    errata = []
    for indicator_id in sorted(by_indicator):
        rows = by_indicator[indicator_id]
        values, raws = [row["value"] for row in rows], [row["raw"] for row in rows]
        if len(rows) < 2 or _same_target(values, raws):
            continue
        rows = sorted(rows, key=_listing_order)
        first = rows[0]
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
                listing=places_listing(rows),
                effect="targets_kept_per_table",
            )
        )
    return errata


def plan_years(values: pd.DataFrame) -> list[int]:
    """Years with targets in both an agreement (PK) and the medium-term plan (RPJMD)."""
    targets = values[(values["measure"] == "target") & values["year"].notna()]
    years_of = {
        basis: set(targets.loc[targets["basis"] == basis, "year"].astype(int))
        for basis in (PLAN_BASIS, AGREEMENT_BASIS)
    }
    return sorted(years_of[PLAN_BASIS] & years_of[AGREEMENT_BASIS])


def audit_plan_years(values: pd.DataFrame, report_years: set[int]) -> list[Erratum]:
    """PK targets against RPJMD targets for every year both give, other than report years.

    Report years are compared over every basis by `audit_conflicting_targets`; here only the
    agreement and the plan are set side by side, whichever document printed them.
    """
    plan = values[values["basis"].isin([PLAN_BASIS, AGREEMENT_BASIS])]
    errata: list[Erratum] = []
    for year in plan_years(plan):
        if year not in report_years:
            errata += audit_conflicting_targets(plan, year)
    return errata


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Conflicting targets of one source: every basis for each report (LKjIP) year, and
    PK against RPJMD for every other year with both."""
    values = model["indicator_values"]
    values = values[values["source"] == source_id]
    documents = model.sources[source_id].origin.documents
    report_years: set[int] = set()
    errata: list[Erratum] = []
    for document in documents:
        if document.kind != REPORT_KIND:
            continue
        report_years.add(int(document.year))
        errata += audit_conflicting_targets(
            values[values["document"] == document.id], document.year
        )
    return errata + audit_plan_years(values, report_years)
