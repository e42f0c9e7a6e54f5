"""Printed units: each printed unit is a known spelling of its indicator's framework unit."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from binjai_analysis.data.canonical import match_aliases
from binjai_analysis.data.printed import TABLES
from binjai_analysis.data.problems import WARNING, Problem, row_problem
from binjai_analysis.data.schemas import PERFORMANCE_BASIS
from binjai_analysis.data.sources import Source
from binjai_analysis.paths import REFERENCE_DIR

UNITS_FILE = REFERENCE_DIR / "units.yaml"
NO_UNIT = frozenset({"", "-"})
"""Printed where a table has no unit."""
MEASURES = ("target", "realisasi", "baseline")
"""The measures printed in their indicator's unit (capaian is a percentage of the target)."""


def spelling(unit: str) -> str:
    """A unit as compared: lower case, without spaces, dots and brackets.

    Examples:
        >>> spelling("Rp. Triliun"), spelling("(%)"), spelling("AKI/100.000 KH")
        ('rptriliun', '%', 'aki/100000kh')
    """
    return re.sub(r"[\s.()]", "", unit.casefold())


@cache
def unit_kinds(path: Path = UNITS_FILE) -> dict[str, str]:
    """Every known spelling and the kind of quantity it measures."""
    kinds = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {spelling(str(unit)): kind for kind, units in kinds.items() for unit in units}


def unit_problems(
    source: Source, tables: dict[str, pd.DataFrame], indicators: pd.DataFrame
) -> list[Problem]:
    """Warnings for printed units that are no known unit, or another kind than the unit of
    their indicator in `indicators` (the canonical framework): one per table, indicator and
    unit, at its first row."""
    aliases = tables.get("indicator_aliases")
    period = source.origin.plan_period
    unit_of = {}
    if not indicators.empty:
        framework = indicators[indicators["period"] == (period.id if period else "")]
        unit_of = dict(zip(framework["indicator_id"], framework["unit"], strict=True))
    kinds = unit_kinds()
    problems = []
    for name in PERFORMANCE_BASIS:
        frame = tables.get(name)
        if frame is None or aliases is None:
            continue
        rows = match_aliases(frame, name, aliases)
        rows = rows[rows["measure"].isin(MEASURES) & ~rows["unit"].str.strip().isin(NO_UNIT)]
        rows = rows.assign(indicator_id=rows["indicator_id"].fillna(""))
        for (indicator, unit), group in rows.groupby(["indicator_id", "unit"], sort=False):
            expected = unit_of.get(indicator, "")
            kind, expected_kind = kinds.get(spelling(unit)), kinds.get(spelling(expected))
            if kind is None:
                message = f"unknown unit {unit!r}"
                suggestion = f"correct it, or add it to {UNITS_FILE.name} if it is a real unit"
            elif expected_kind is not None and kind != expected_kind:
                message = f"unit {unit!r} ({kind}) is not a unit of {indicator}'s {expected!r}"
                suggestion = "check the unit against the source and the framework's unit"
            else:
                continue
            count = f" ({len(group)} rows)" if len(group) > 1 else ""
            problems.append(
                row_problem(
                    TABLES[name].files(source),
                    group.index[0],
                    "unit",
                    message + count,
                    suggestion,
                    check="unit",
                    severity=WARNING,
                )
            )
    return problems
