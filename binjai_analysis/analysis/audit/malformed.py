"""Figures the parser could only read by dropping misplaced separators."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.audit.erratum import Erratum, as_int, number_or_none, present
from binjai_analysis.data.model import DataModel

FIGURE_IDENTITY = (
    "row_seq",
    "printed_no",
    "program",
    "sasaran_no",
    "indicator_no",
    "indicator_name",
    "measure",
    "year",
)
"""Columns of a printed table that name a figure's row, copied into its erratum when present."""


def _figure_identity(row: dict) -> dict[str, object]:
    """The identity fields a printed row has (`FIGURE_IDENTITY`), missing ones left out."""
    identity: dict[str, object] = {}
    for name in FIGURE_IDENTITY:
        value = row.get(name)
        if present(value) and str(value).strip():
            integer = name in ("row_seq", "sasaran_no", "year")
            identity[name] = as_int(value) if integer else str(value)
    return identity


def audit_malformed_numbers(datasets: dict[str, pd.DataFrame]) -> list[Erratum]:
    """Every figure the parser could only read by dropping misplaced separators.

    The parser's note stays in the printed table (`parse_note`, found by table and line).
    """
    errata = []
    for name, frame in datasets.items():
        if "parse_note" not in frame:
            continue
        notes = frame["parse_note"].str.contains("malformed", case=False, na=False)
        for row in frame[notes].to_dict("records"):
            errata.append(
                Erratum(
                    kind="malformed_number",
                    severity="medium",
                    source_table=str(row["source_table"]),
                    source_line=int(row["source_line"]),
                    item="malformed",
                    printed_table=name,
                    **_figure_identity(row),
                    printed=str(row["raw"]),
                    printed_value=number_or_none(row["value"]),
                    effect="best_reading_marked",
                )
            )
    return errata


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Every figure of the source's printed tables read only by dropping separators."""
    return audit_malformed_numbers(model.printed[source_id])
