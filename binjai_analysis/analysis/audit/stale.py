"""Passages copied from an earlier year's report: the report year's narrative telling an earlier
year's figures as if they were current.

A report reuses last year's text, and sometimes forgets to update it. The sign is a paragraph on
an indicator of the report year's results (an 'Indikator ... target ... realisasi ... capaian'
statement of Bab III under its realisation table) that names only earlier years, whose
realisation or capaian is not the table's, and whose target is that earlier year's (the plan's
target of the year it names), where the data hold it. Comparisons with earlier years
('dibandingkan tahun 2017') name the report year too, and are left alone; so is a statement
whose figures are the report year's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd

from binjai_analysis.analysis.audit.erratum import Erratum, as_int, present, printed_text
from binjai_analysis.analysis.audit.narrative import (
    INDICATOR_MEASURES,
    YEAR_WORD,
    QuotedFigure,
    Statement,
    agrees,
    indicator_statements,
    matching_row,
    narrative_span,
    nearest_table_rows,
    passage,
    printed_lines,
    realisation_tables,
)
from binjai_analysis.data.model import DataModel

RESULT_MEASURES = ("realisasi", "capaian")
"""The measures that tell a year's result: one of them must differ from the report year's."""
PRINTED_ORDER = ("realisasi", "capaian", "target")
"""Which differing figure an erratum shows first."""


def statement_years(statement: Statement) -> set[int]:
    """The years a statement names up to its last figure."""
    return {int(year) for year in YEAR_WORD.findall(statement.text)}


def earlier_figures(values: pd.DataFrame, indicator_id: object, year: int) -> dict[str, list]:
    """The printed figures (raw, value) of an indicator for `year`, by measure, from every
    table of the source (the plan's targets of that year, a results table of that year)."""
    if not printed_text(indicator_id):
        return {}
    rows = values[(values["indicator_id"] == indicator_id) & (values["year"] == year)]
    figures: dict[str, list] = {}
    for row in rows[rows["value"].notna()].to_dict("records"):
        figures.setdefault(str(row["measure"]), []).append((str(row["raw"]), float(row["value"])))
    return figures


def _agrees_with(figure: QuotedFigure, raw: object, value: object) -> bool:
    """Whether a quoted figure is the printed figure `raw` (read as `value`)."""
    return (
        isinstance(raw, str)
        and present(value)
        and agrees(figure.value, figure.raw, float(value), raw)
    )


def stale_erratum(
    statement: Statement, row: dict, report_year: int, earlier: dict[str, list] | None = None
) -> Erratum | None:
    """The erratum of a statement that tells an earlier year's figures under the report
    year's table row `row`; None when it does not (`earlier`: that year's figures)."""
    years = statement_years(statement)
    if not years or max(years) >= report_year:
        return None
    stated = max(years)
    earlier = earlier or {}
    figures = {m: statement.figures[m] for m in INDICATOR_MEASURES if m in statement.figures}
    same = {m for m, f in figures.items() if _agrees_with(f, row.get(f"{m}_raw"), row.get(m))}
    differs = {m for m in figures if m not in same and present(row.get(m))}
    known = {m: earlier[m] for m in figures if earlier.get(m)}
    matches_earlier = {
        m for m, pairs in known.items() if any(_agrees_with(figures[m], r, v) for r, v in pairs)
    }
    if not differs & set(RESULT_MEASURES):
        return None  # its result is the report year's
    if set(known) - matches_earlier:
        return None  # a figure of its own year that it misquotes: not a copied passage
    if same - matches_earlier:
        return None  # a figure that only the report year has
    first = next(m for m in PRINTED_ORDER if m in differs)
    figure = figures[first]
    listing = [
        {
            "measure": m,
            "printed": f.raw,
            "source_line": f.line,
            "report_year_printed": printed_text(row.get(f"{m}_raw")),
            "earlier_printed": known[m][0][0] if m in known else None,
        }
        for m, f in figures.items()
    ]
    return Erratum(
        kind="stale_passage",
        severity="medium",
        source_table="Bab III",
        source_line=statement.line,
        item="previous_year_figures",
        printed_table="lkjip_results",
        measure=first,
        year=stated,
        sasaran_no=as_int(row["sasaran_no"]) if present(row.get("sasaran_no")) else None,
        indicator_no=printed_text(row.get("indicator_no")),
        indicator_id=printed_text(row.get("indicator_id")),
        indicator_name=printed_text(row.get("indicator_name")),
        printed=figure.raw,
        printed_value=figure.value,
        expected=printed_text(row.get(f"{first}_raw")),
        other_table=str(row["source_table"]),
        other_line=int(row[f"{first}_line"]),
        other_printed=printed_text(row.get(f"{first}_raw")),
        other_value=float(row[first]),
        listing=json.dumps(listing, ensure_ascii=False),
        affects="none",
        effect="table_figures_used",
    )


def audit_stale_statements(
    statements: Sequence[Statement],
    rows: pd.DataFrame,
    report_year: int,
    values: pd.DataFrame | None = None,
) -> list[Erratum]:
    """Each statement matched to its row of the nearest preceding realisation table, that tells
    an earlier year's figures (`values`: every printed figure of the source, for the earlier
    year's)."""
    errata = []
    for statement in statements:
        row = matching_row(statement, nearest_table_rows(rows, statement.line))
        if row is None:
            continue
        years = statement_years(statement)
        earlier = (
            earlier_figures(values, row.get("indicator_id"), max(years))
            if values is not None and years
            else {}
        )
        found = stale_erratum(statement, row, report_year, earlier)
        errata += [found] if found else []
    return errata


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Statements of each LKjIP document's Bab III that tell an earlier year's figures."""
    tables = model.printed[source_id]
    source = model.sources[source_id]
    span = narrative_span(tables)
    if not source.lines or span is None:
        return []
    values = model["indicator_values"]
    values = values[values["source"] == source_id]
    errata: list[Erratum] = []
    for document in source.origin.documents:
        if document.kind != "LKjIP":
            continue
        own = values[
            (values["document"] == document.id) & (values["printed_table"] == "lkjip_results")
        ]
        rows = realisation_tables(own, document.year, source.lines)
        text = passage(source.lines, *span)
        statements = indicator_statements(text, document.year, printed_lines(tables))
        errata += audit_stale_statements(statements, rows, document.year, values)
    return errata
