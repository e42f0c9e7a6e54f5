"""Find the source's own errors by computation over the datasets, and list them as errata.

Nothing here is a hand-written list: every erratum is found by a check that reruns on the data.
The errata never change the datasets; they say what is wrong and what that does to our figures.
Each family of checks is a module of its own; `audit_source` runs them all over one source.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from binjai_analysis.analysis.audit import (
    area_totals,
    budget,
    categories,
    counts,
    findings,
    malformed,
    narrative,
    notes,
    numbering,
    plausibility,
    realisations,
    reported,
    stale,
    summary,
    targets,
    years,
)
from binjai_analysis.analysis.audit.budget import audit_budget_rows, audit_budget_totals
from binjai_analysis.analysis.audit.erratum import (
    AFFECTS,
    CAUSES,
    EFFECTS,
    ERRATA_COLUMNS,
    ERROR_CAUSES,
    FIELDS,
    ITEMS,
    KINDS,
    SEVERITIES,
    Erratum,
    errata_summary,
    errata_table,
    printed_precision,
)
from binjai_analysis.analysis.audit.malformed import audit_malformed_numbers
from binjai_analysis.analysis.audit.reported import audit_reported_capaian, performance_rows
from binjai_analysis.analysis.audit.targets import audit_conflicting_targets
from binjai_analysis.analysis.audit.years import (
    REPORT_YEAR_TABLES,
    Anchor,
    audit_year_labels,
    find_heading,
    year_anchors,
)
from binjai_analysis.data.model import DataModel, load_model

__all__ = [
    "AFFECTS",
    "CAUSES",
    "EFFECTS",
    "ERRATA_COLUMNS",
    "ERROR_CAUSES",
    "FIELDS",
    "ITEMS",
    "KINDS",
    "REPORT_YEAR_TABLES",
    "SEVERITIES",
    "Anchor",
    "Erratum",
    "audit_budget_rows",
    "audit_budget_totals",
    "audit_conflicting_targets",
    "audit_malformed_numbers",
    "audit_reported_capaian",
    "audit_source",
    "audit_year_labels",
    "errata_summary",
    "errata_table",
    "family_errata",
    "find_heading",
    "performance_rows",
    "printed_precision",
    "run_audit",
    "year_anchors",
]


Check = Callable[[DataModel, str], list[Erratum]]
FAMILIES: tuple[Check, ...] = (
    budget.check,
    malformed.check,
    reported.check,
    narrative.check,
    summary.check,
    categories.check,
    years.check,
    numbering.check,
    targets.check,
    realisations.check,
    plausibility.check,
    area_totals.check,
    counts.check,
    findings.check,
    stale.check,
)
"""The families of checks over one source, each `check(model, source_id)` of its module."""


def audit_source(model: DataModel, source_id: str) -> list[Erratum]:
    """Every check over one source's printed tables; errata name the source's tables and lines.

    The curation notes come last: a note becomes an erratum only where no other check has
    listed its figure."""
    errata = family_errata(model, source_id)
    return errata + notes.check(model, source_id, errata)


def family_errata(model: DataModel, source_id: str) -> list[Erratum]:
    """The errata of every family of checks (`FAMILIES`) over one source, notes aside."""
    errata: list[Erratum] = []
    for family in FAMILIES:
        errata += family(model, source_id)
    return errata


def run_audit(model: DataModel | None = None) -> pd.DataFrame:
    """Run every check over every source (default: the packaged data); return the errata."""
    model = load_model() if model is None else model
    frames = [
        errata_table(audit_source(model, source_id)).assign(source=source_id)
        for source_id in model.sources
    ]
    table = pd.concat(frames, ignore_index=True)
    return table[ERRATA_COLUMNS]
