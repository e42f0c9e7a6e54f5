"""Checks of the printed figures of one source: provenance, plausible ranges, years, repeats.

Each check takes a source and its validated tables (their index is each row's position in its
file) and returns problems. A figure that is merely implausible is a warning: the source itself
may print it (the audit lists the source's errors); a figure that cannot be right is an error.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import pandas as pd

from binjai_analysis.data.parsing import parse_figure
from binjai_analysis.data.printed import TABLES
from binjai_analysis.data.problems import (
    ERROR,
    WARNING,
    Problem,
    Severity,
    locate,
    row_problem,
)
from binjai_analysis.data.provenance import nearest_line, rows_not_in_source
from binjai_analysis.data.schemas import PERFORMANCE_BASIS
from binjai_analysis.data.sources import ORIGIN_FILE, Document, PlanPeriod, Source

Tables = dict[str, pd.DataFrame]
Check = Callable[[Source, Tables], list[Problem]]

CAPAIAN_BAND = (0.0, 300.0)
"""A printed capaian (%) outside this band is implausible."""
BUDGET_PERCENT_BAND = (0.0, 150.0)
"""A budget row's printed absorption (%) outside this band is implausible."""
FAR_ABOVE = 1.5
"""A realisation above this multiple of its anggaran is implausible."""
BUDGET_TABLES = ("lkjip_budget", "pk_budget", "budget_totals", "budget_narrative")
SAME_YEAR = ("lkjip_agreement_targets", "lkjip_result_summary", "pk_targets")
"""Tables whose every figure is of their document's year."""
NOT_LATER = ("lkjip_results", "macro_series")
"""Tables that print their document's year and earlier years, never later ones."""
IN_PLAN = ("rpjmd_targets",)
"""Tables whose years lie in the source's plan period."""
DOCUMENT_KINDS = {
    "lkjip_results": "LKjIP",
    "lkjip_result_summary": "LKjIP",
    "lkjip_agreement_targets": "LKjIP",
    "lkjip_budget": "LKjIP",
    "pk_targets": "PK",
    "pk_budget": "PK",
}
"""The kind of document each report table is printed in."""
FIGURE_KEYS = ["sasaran_no", "indicator_no", "indicator_name", "year", "measure", "source_table"]
BUDGET_KEYS = ["row_seq", "measure"]


def _problem(
    source: Source,
    table: str,
    position: object,
    column: str,
    message: str,
    suggestion: str,
    check: str,
    severity: Severity = ERROR,
) -> Problem:
    files = TABLES[table].files(source)
    return row_problem(files, position, column, message, suggestion, check=check, severity=severity)


def _traced(tables: Tables) -> Iterable[tuple[str, pd.DataFrame]]:
    """The tables whose rows carry provenance (`raw`, `source_line`)."""
    return ((name, frame) for name, frame in tables.items() if "raw" in frame.columns)


def provenance_problems(source: Source, tables: Tables) -> list[Problem]:
    """Every `raw` is printed at its `source_line` of the text (needs the text)."""
    lines = source.lines
    problems = []
    for name, frame in _traced(tables):
        for position, row in rows_not_in_source(frame, lines).iterrows():
            line = int(row["source_line"])
            found = nearest_line(row["raw"], line, lines)
            hint = f"it is printed at line {found}" if found else "it is not printed nearby"
            shown = lines[line - 1].strip()[:60] if 1 <= line <= len(lines) else "(no such line)"
            problems.append(
                _problem(
                    source,
                    name,
                    position,
                    "raw",
                    f"{row['raw']!r} is not printed at line {line} of {source.origin.text} "
                    f"(which reads {shown!r})",
                    f"correct source_line or raw ({hint})",
                    "provenance",
                )
            )
    return problems


def _same(value: float, expected: float | None) -> bool:
    if expected is None or pd.isna(value):
        return expected is None and pd.isna(value)
    return math.isclose(value, expected, rel_tol=1e-12, abs_tol=1e-12)


def value_problems(source: Source, tables: Tables) -> list[Problem]:
    """Every `value` is what `parse_figure` reads from `raw` (text rows have none)."""
    problems = []
    for name, frame in _traced(tables):
        rows = zip(frame.index, frame["raw"], frame["number_style"], frame["value"], strict=True)
        for position, raw, style, value in rows:
            expected = parse_figure(raw, style=style).value if style else None
            if not _same(value, expected):
                reads = "no value" if expected is None else repr(expected)
                problems.append(
                    _problem(
                        source,
                        name,
                        position,
                        "value",
                        f"{float(value)!r} does not follow from raw {raw!r} "
                        f"(number_style {style!r} reads {reads})",
                        "write the value parse_figure reads, or correct raw or number_style",
                        "provenance",
                    )
                )
    return problems


def _outside(value: float, band: tuple[float, float]) -> bool:
    return pd.notna(value) and not band[0] <= value <= band[1]


def _band(value: float, band: tuple[float, float]) -> str:
    return f"{value:g} % is outside {band[0]:g}–{band[1]:g} %"


def range_problems(source: Source, tables: Tables) -> list[Problem]:
    """Implausible figures (warnings): capaian and absorption far out of their band, negative
    budget figures, realisations far above their anggaran."""
    found: list[tuple[str, object, str]] = []  # (table, position, message)
    results = tables.get("lkjip_results")
    if results is not None:
        capaian = results[results["measure"].str.startswith("capaian")]
        for position, value in capaian["value"].items():
            if _outside(value, CAPAIAN_BAND):
                found.append(("lkjip_results", position, "capaian " + _band(value, CAPAIAN_BAND)))
    for table in BUDGET_TABLES:
        frame = tables.get(table)
        if frame is None:
            continue
        measures = frame["measure"] if "measure" in frame else pd.Series("", index=frame.index)
        for position, measure, value in zip(frame.index, measures, frame["value"], strict=True):
            if measure == "persen" and _outside(value, BUDGET_PERCENT_BAND):
                found.append((table, position, "absorption " + _band(value, BUDGET_PERCENT_BAND)))
            elif measure != "persen" and pd.notna(value) and value < 0:
                found.append((table, position, f"budget figure {value:,.0f} is negative"))
    suggestion = "check the figure against the source (the audit lists its own errors)"
    problems = [
        _problem(source, table, position, "value", message, suggestion, "range", WARNING)
        for table, position, message in found
    ]
    budget = tables.get("lkjip_budget")
    if budget is not None:
        problems += _over_budget(source, budget)
    return problems


def _over_budget(source: Source, budget: pd.DataFrame) -> list[Problem]:
    """Realisations above FAR_ABOVE times their row's anggaran (warnings)."""
    anggaran = budget[budget["measure"] == "anggaran"].groupby("row_seq")["value"].first()
    realisasi = budget[budget["measure"] == "realisasi"]
    problems = []
    for position, row in realisasi.iterrows():
        planned = anggaran.get(row["row_seq"])
        if planned is not None and pd.notna(row["value"]) and row["value"] > FAR_ABOVE * planned:
            problems.append(
                _problem(
                    source,
                    "lkjip_budget",
                    position,
                    "value",
                    f"realisasi {row['value']:,.0f} is {row['value'] / planned:.1f} times its "
                    f"anggaran {planned:,.0f} (row_seq {row['row_seq']})",
                    "check both figures against the source (the audit lists its own errors)",
                    "range",
                    WARNING,
                )
            )
    return problems


def _document_of(source: Source, line: int) -> Document | None:
    documents = source.origin.documents
    return documents[0] if source.origin.text is None else source.document_of_line(line)


def year_problems(source: Source, tables: Tables) -> list[Problem]:
    """Each row's year fits its document (the report's year, no later, or the plan period) and
    each report table lies in a document of its kind. Rows in no document are reported when
    the canonical tables are built."""
    period = source.origin.plan_period
    problems = [
        Problem(
            ERROR,
            source.folder / ORIGIN_FILE,
            None,
            "plan_period",
            f"printed/{name}.csv holds plan targets, but the source declares no plan period",
            "add the plan_period (the RPJMD) its targets belong to",
            "year",
        )
        for name in IN_PLAN
        if name in tables and period is None
    ]
    for name, frame in _traced(tables):
        years = frame["year"] if "year" in frame else pd.Series(pd.NA, index=frame.index)
        kind = DOCUMENT_KINDS.get(name)
        for position, line, year in zip(frame.index, frame["source_line"], years, strict=True):
            document = _document_of(source, int(line))
            if document is None:
                continue
            message = _year_mismatch(name, year, document, period)
            if message:
                suggestion = "correct the year, or the source_line (and the origin's documents)"
                problems.append(
                    _problem(source, name, position, "year", message, suggestion, "year")
                )
            if kind and document.kind != kind:
                problems.append(
                    _problem(
                        source,
                        name,
                        position,
                        "source_line",
                        f"line {line} lies in {document.id} ({document.kind}), "
                        f"but {name} is printed in a {kind} document",
                        "correct source_line, or the documents' kinds and lines in origin.yaml",
                        "year",
                    )
                )
    return problems


def _year_mismatch(name: str, year: object, document: Document, period: PlanPeriod | None) -> str:
    """Why `year` does not fit `document` (or the plan period), or ''."""
    if year is None or pd.isna(year):
        return ""
    if name in SAME_YEAR and year != document.year:
        return f"year {year}, but its document {document.id} is of {document.year}"
    if name in NOT_LATER and year > document.year:
        return f"year {year} is after its document {document.id} ({document.year})"
    if name in IN_PLAN and period is not None and not period.covers(int(year)):
        return f"year {year} is outside the plan period {period.id}"
    return ""


def _repeats(frame: pd.DataFrame, keys: list[str]) -> Iterable[tuple[object, object]]:
    """(first, later) positions of the rows whose `keys` repeat an earlier row's."""
    repeated = frame[frame.duplicated(keys, keep=False)]
    if repeated.empty:
        return
    for _, group in repeated.groupby(keys, dropna=False, sort=False):
        for position in group.index[1:]:
            yield group.index[0], position


def _row_of(source: Source, table: str, position: object) -> int:
    return locate(TABLES[table].files(source), position)[1]


def duplicate_problems(source: Source, tables: Tables) -> list[Problem]:
    """Rows printed twice: exact repeats (errors), a budget row's measure twice (errors), an
    indicator's figure for the same year and measure with another value (warnings)."""
    problems = []
    for name, frame in tables.items():
        for first, position in _repeats(frame, list(frame.columns)):
            problems.append(
                _problem(
                    source,
                    name,
                    position,
                    frame.columns[0],
                    f"repeats row {_row_of(source, name, first)} exactly",
                    "remove the repeated row",
                    "duplicate",
                )
            )
    for name, keys, severity in [
        *((name, BUDGET_KEYS, ERROR) for name in ("lkjip_budget", "pk_budget")),
        *((name, FIGURE_KEYS, WARNING) for name in PERFORMANCE_BASIS),
    ]:
        frame = tables.get(name)
        if frame is None:
            continue
        frame = frame[~frame.duplicated(keep="first")]  # exact repeats are reported above
        if severity == WARNING:  # the same figure printed twice is no problem
            frame = frame.dropna(subset=["value"]).drop_duplicates([*keys, "value"])
        for first, position in _repeats(frame, keys):
            what = ", ".join(f"{key} {frame.loc[position, key]}" for key in keys)
            problems.append(
                _problem(
                    source,
                    name,
                    position,
                    "value",
                    f"{what} repeats row {_row_of(source, name, first)} with value "
                    f"{frame.loc[position, 'value']:g} (there: {frame.loc[first, 'value']:g})",
                    "remove the repeated row or correct its key"
                    if severity == ERROR
                    else "check which figure the source prints; correct the year or measure",
                    "duplicate",
                    severity,
                )
            )
    return problems


CHECKS: tuple[Check, ...] = (
    value_problems,
    range_problems,
    year_problems,
    duplicate_problems,
)
"""The checks that need no text; `provenance_problems` needs the source's text."""
