"""A city total against the sum of its kecamatan, wherever a table breaks a figure down.

Tables by kecamatan (area, population, households by water source ...) add up to the city's
figure, which the report states beside them or in its text; shares by kecamatan add up to
100 %. A complete breakdown (every kecamatan of the source's profile table) whose sum differs
from a stated city total, or whose shares do not make 100 %, beyond the rounding of the
printed parts, is an error of one of the figures.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.audit.erratum import (
    Erratum,
    number_or_none,
    printed_precision,
    printed_text,
)
from binjai_analysis.data.extract.water_sources import city
from binjai_analysis.data.model import DataModel

SERIES_COLUMNS = ("measure", "water_source", "year")
"""Columns that tell one series of a table by kecamatan from another, where present (not the
unit: the text may count in KK what its chart counts in rumah tangga)."""
SHARE_SUFFIX = "_pct"
"""Measures that are shares of the city (percent), whose kecamatan add up to 100."""
WHOLE = 100.0


def _series_keys(table: pd.DataFrame) -> list[str]:
    return [column for column in SERIES_COLUMNS if column in table]


def _rounding(raws: pd.Series) -> float:
    """How far a sum of printed figures may be from the exact sum: their half-units added."""
    return float(sum(printed_precision(str(raw)) for raw in raws))


def _erratum(
    total: dict, parts: pd.DataFrame, computed: float, table: str, expected: str | None = None
) -> Erratum:
    return Erratum(
        kind="total_mismatch",
        severity="medium",
        source_table=str(total["source_table"]),
        source_line=int(total["source_line"]),
        item="area_sum",
        printed_table=table,
        measure=printed_text(total.get("measure")),
        indicator_name=printed_text(total.get("water_source")),
        printed=str(total["raw"]),
        printed_value=number_or_none(total["value"]),
        computed=computed,
        difference=computed - float(total["value"]),
        expected=expected,
        other_table=str(parts["source_table"].iloc[0]),
        other_line=int(parts["source_line"].min()),
        other_printed=" + ".join(str(raw) for raw in parts["raw"]),
        listing=parts[["kecamatan_id", "source_line", "raw"]].to_json(orient="records"),
        affects="none",
        effect="area_figures_kept",
    )


def audit_area_totals(
    table: pd.DataFrame, name: str, city_id: str, kecamatan: set[str]
) -> list[Erratum]:
    """Each complete breakdown of `table` by `kecamatan` against the city's stated totals of
    the same series (rows of `city_id`), and shares against 100 %."""
    keys = _series_keys(table)
    numbers = table[table["value"].notna()]
    errata: list[Erratum] = []
    for series, rows in numbers.groupby(keys, sort=False, dropna=False) if keys else []:
        totals = rows[rows["kecamatan_id"] == city_id]
        for _, parts in rows[rows["kecamatan_id"].isin(kecamatan)].groupby(
            "source_table", sort=False
        ):
            if set(parts["kecamatan_id"]) != kecamatan or len(parts) != len(kecamatan):
                continue
            computed = float(parts["value"].sum())
            allowed = _rounding(parts["raw"]) + 1e-9
            measure = str(series[0] if isinstance(series, tuple) else series)
            if measure.endswith(SHARE_SUFFIX) and abs(computed - WHOLE) > allowed:
                share = {**parts.iloc[0].to_dict(), "raw": str(parts["raw"].iloc[0])}
                share |= {"value": WHOLE, "raw": "100 %"}
                errata.append(_erratum(share, parts, computed, name, expected="100 %"))
            for total in totals.to_dict("records"):
                gap = abs(computed - float(total["value"]))
                if gap > allowed + printed_precision(str(total["raw"])):
                    errata.append(_erratum(total, parts, computed, name))
    return errata


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """City totals against their kecamatan, in every printed table by kecamatan."""
    source = model.sources[source_id]
    tables = model.printed[source_id]
    profile = tables.get("kecamatan")
    if profile is None:
        return []
    city_id = city(source)[0]
    kecamatan = set(profile["kecamatan_id"]) - {city_id}
    errata: list[Erratum] = []
    for name, table in tables.items():
        if "kecamatan_id" in table and "value" in table:
            errata += audit_area_totals(table, name, city_id, kecamatan)
    return errata
