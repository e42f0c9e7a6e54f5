"""Find the source's own errors by computation over the datasets, and list them as errata.

Nothing here is a hand-written list: every erratum is found by a check that reruns on the data.
The errata never change the datasets; they say what is wrong and what that does to our figures.
Each family of checks is a module of its own; `audit_source` runs them all over one source.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.audit.budget import audit_budget_rows, audit_budget_totals
from binjai_analysis.analysis.audit.erratum import (
    EFFECTS,
    ERRATA_COLUMNS,
    FIELDS,
    ITEMS,
    KINDS,
    SEVERITIES,
    Erratum,
    errata_table,
    printed_precision,
    table_name,
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
    "EFFECTS",
    "ERRATA_COLUMNS",
    "FIELDS",
    "ITEMS",
    "KINDS",
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
    "errata_table",
    "find_heading",
    "performance_rows",
    "printed_precision",
    "run_audit",
    "year_anchors",
]


def audit_source(model: DataModel, source_id: str) -> list[Erratum]:
    """Every check over one source's printed tables; errata name the source's tables and lines."""
    tables = model.printed[source_id]
    source = model.sources[source_id]
    values = model["indicator_values"]
    values = values[values["source"] == source_id]
    errata: list[Erratum] = []
    for name, default in (("lkjip_budget", "budget table"), ("pk_budget", "PK")):
        if name in tables:
            errata += audit_budget_rows(tables[name], table_name(tables[name], default))
    empty = pd.DataFrame(columns=["item", "value"])
    errata += audit_budget_totals(
        tables.get("lkjip_budget"), tables.get("pk_budget"), tables.get("budget_totals", empty)
    )
    errata += audit_malformed_numbers(tables)
    indicators = model["indicators"]
    polarity = dict(zip(indicators["indicator_id"], indicators["polarity"], strict=True))
    for document in source.origin.documents:
        if document.kind != "LKjIP":
            continue
        own = values[values["document"] == document.id]
        results = own[own["printed_table"] == "lkjip_results"]
        errata += audit_reported_capaian(results, document.year, polarity)
        errata += audit_conflicting_targets(own, document.year)
        if source.lines:
            names = [
                table_name(tables.get(name), "") for name in REPORT_YEAR_TABLES if name in tables
            ]
            summary = tables.get("reported_summary", pd.DataFrame(columns=["source_line"]))
            anchors = year_anchors(source.lines, [n for n in names if n], summary)
            errata += audit_year_labels(source.lines, anchors, document.year)
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
