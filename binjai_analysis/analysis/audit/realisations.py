"""One indicator's figures restated across the report's tables, and averages over their rows.

The summary table of the report (Tabel 3.2), the per-sasaran tables (Tabel 3.x) and their
supporting sub-tables print the same indicator's realisation and capaian more than once; the
canonical `indicator_values` link them by `indicator_id`. Targets are left to
`targets.audit_conflicting_targets`, which compares every table's target of a year.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.audit.erratum import (
    PERCENT,
    Erratum,
    as_int,
    number_or_none,
    places_listing,
    present,
    printed_precision,
    printed_text,
    severity_of_gap,
)
from binjai_analysis.data.model import DataModel

REPORT_BASES = {"lkjip_summary": 0, "lkjip_table": 1}
"""The report's own tables, in the order a restated figure is listed: summary, then tables."""
MEASURES_COMPARED = ("realisasi", "capaian")
"""Measures compared across tables (targets are compared by the targets check)."""
AVERAGE_MEASURE_PREFIX = "capaian_rata_rata"
"""Measures of rows that print the average capaian of a sasaran's indicator rows."""
DASHES = frozenset({"", "-", "–", "—"})
"""What a table prints when it gives no figure."""
REPORT_KIND = "LKjIP"


def is_dash(raw: object) -> bool:
    """Whether a printed cell gives no figure (a dash or nothing)."""
    return printed_text(raw) is None or str(raw).strip() in DASHES


def figure_tolerance(raw: str, value: float) -> float:
    """Half a unit of the last printed decimal, also for '6.965' read as a decimal number."""
    tolerance = printed_precision(raw)
    if tolerance >= 0.5 and not float(value).is_integer():
        decimals = str(raw).strip().rstrip("%").strip()
        mark = max(decimals.rfind(","), decimals.rfind("."))
        tolerance = 0.5 * 10 ** -(len(decimals) - mark - 1)
    return tolerance


def _text_key(raw: object) -> str:
    return "".join(str(raw).upper().split()).rstrip("%")


def same_figure(raw: object, value: object, other_raw: object, other_value: object) -> bool:
    """Whether two printings give the same figure: equal numbers within the printed rounding
    of either, or (when either is no number) equal strings up to spacing, case and '%'."""
    if present(value) and present(other_value):
        gap = abs(float(value) - float(other_value))
        allowed = max(
            figure_tolerance(str(raw), value), figure_tolerance(str(other_raw), other_value)
        )
        return gap <= allowed + 1e-9
    return _text_key(raw) == _text_key(other_raw)


Record = dict[str, object]
"""One row of a frame as a plain dict (`DataFrame.to_dict("records")`): fast to loop over."""


def _ordered(rows: list[Record]) -> list[Record]:
    def order(row: Record) -> tuple[int, object]:
        return REPORT_BASES.get(row["basis"], len(REPORT_BASES)), row["source_line"]

    return sorted(rows, key=order)


def _unit(row: Record) -> str | None:
    measure_is_percent = row["measure"] == "capaian" or "%" in str(row["raw"])
    return PERCENT if measure_is_percent else None


def _severity(first: Record, other: Record) -> str:
    if not (present(first["value"]) and present(other["value"])):
        return "medium"
    scale = max(abs(float(first["value"])), abs(float(other["value"])), 1e-9)
    return severity_of_gap(100.0 * abs(float(other["value"]) - float(first["value"])) / scale)


def _restated_erratum(rows: list[Record], first: Record, other: Record) -> Erratum:
    missing = is_dash(first["raw"]) or is_dash(other["raw"])
    both = present(first["value"]) and present(other["value"])
    return Erratum(
        kind="conflicting_figures",
        severity="low" if missing else _severity(first, other),
        source_table=str(first["source_table"]),
        source_line=int(first["source_line"]),
        item=f"{first['measure']}_{'missing' if missing else 'differs'}",
        printed_table=printed_text(first.get("printed_table")),
        measure=str(first["measure"]),
        year=as_int(first["year"]) if present(first["year"]) else None,
        sasaran_no=as_int(first["sasaran_no"]) if present(first["sasaran_no"]) else None,
        indicator_id=str(first["indicator_id"]),
        indicator_name=printed_text(first["indicator_name"]),
        printed=str(first["raw"]),
        printed_value=number_or_none(first["value"]),
        difference=float(other["value"]) - float(first["value"]) if both else None,
        unit=_unit(first),
        other_table=str(other["source_table"]),
        other_line=int(other["source_line"]),
        other_printed=str(other["raw"]),
        other_value=number_or_none(other["value"]),
        listing=places_listing(rows),
        affects=str(first["measure"]),
        effect="figures_kept_per_table",
    )


def _readings_agree(readings: list[Record], other_readings: list[Record]) -> bool:
    return any(
        same_figure(a["raw"], a["value"], b["raw"], b["value"])
        for a in readings
        for b in other_readings
    )


def tables_agree(readings: pd.DataFrame, other_readings: pd.DataFrame) -> bool:
    """Whether two tables' printings of one figure agree: some reading of one is the same
    figure as some reading of the other (a table whose cell reads two ways agrees with
    either)."""
    return _readings_agree(readings.to_dict("records"), other_readings.to_dict("records"))


def _figure_groups(figures: pd.DataFrame) -> list[list[Record]]:
    """The rows of each indicator, measure and year (a missing year is a group of its own),
    in order of first appearance."""
    groups: dict[tuple[object, object, object], list[Record]] = {}
    for row in figures.to_dict("records"):
        year = row["year"] if present(row["year"]) else -1
        groups.setdefault((row["indicator_id"], row["measure"], year), []).append(row)
    return list(groups.values())


def audit_restated_figures(values: pd.DataFrame) -> list[Erratum]:
    """An indicator's realisation or capaian of a year printed differently in the report's
    tables (summary, per-sasaran table, supporting sub-table): one erratum per indicator,
    measure and year, at the first table's printing, naming the first table that disagrees.
    """
    figures = values[
        values["basis"].isin(list(REPORT_BASES))
        & values["measure"].isin(MEASURES_COMPARED)
        & values["indicator_id"].fillna("").ne("")
    ]
    errata = []
    for group in _figure_groups(figures):
        rows = _ordered(group)
        by_table: dict[object, list[Record]] = {}
        for row in rows:
            by_table.setdefault(row["source_table"], []).append(row)
        if len(by_table) < 2:
            continue
        first_table, *other_tables = by_table.values()
        disagreeing = next(
            (table for table in other_tables if not _readings_agree(first_table, table)), None
        )
        if disagreeing is not None:
            first, other = _printed_reading(first_table), _printed_reading(disagreeing)
            errata.append(_restated_erratum(rows, first, other))
    return errata


def _printed_reading(readings: list[Record]) -> Record:
    """A table's reading of a figure: its first printed figure, else its first cell."""
    return next((row for row in readings if not is_dash(row["raw"])), readings[0])


def _mean_capaian(rows: pd.DataFrame) -> float | None:
    numbers = rows.loc[rows["measure"] == "capaian", "value"].dropna()
    return float(numbers.mean()) if len(numbers) else None


def average_candidates(results: pd.DataFrame, average_row: pd.Series) -> dict[str, float]:
    """The averages an average-capaian row may print: the mean capaian of the rows of its own
    table, and of its sasaran's indicator rows in every table (each indicator once, as first
    printed, and once as printed in the average's table)."""
    same_table = results[
        (results["source_table"] == average_row["source_table"])
        & (results["source_line"] < average_row["source_line"])
    ]
    sasaran = results[results["sasaran_no"] == average_row["sasaran_no"]]
    capaian = sasaran[sasaran["measure"] == "capaian"].sort_values("source_line")
    key = (
        capaian["indicator_id"]
        .fillna("")
        .where(capaian["indicator_id"].fillna("").ne(""), capaian["source_line"].astype(str))
    )
    own_table = capaian["source_table"] == average_row["source_table"]
    candidates = {
        "table_rows": _mean_capaian(same_table),
        "sasaran_rows_first": _mean_capaian(capaian[~key.duplicated(keep="first")]),
        "sasaran_rows_subtable": _mean_capaian(
            capaian.assign(own=own_table, key=key)
            .sort_values(["own", "source_line"], ascending=[False, True])
            .drop_duplicates("key")
        ),
    }
    return {name: value for name, value in candidates.items() if value is not None}


def audit_average_rows(results: pd.DataFrame) -> list[Erratum]:
    """A printed average capaian of a sasaran that no mean of the printed capaian gives."""
    averages = results[results["measure"].astype(str).str.startswith(AVERAGE_MEASURE_PREFIX)]
    errata = []
    for _, row in averages.iterrows():
        if not present(row["value"]):
            continue
        candidates = average_candidates(results, row)
        if not candidates:
            continue
        tolerance = figure_tolerance(str(row["raw"]), row["value"]) + 1e-9
        gaps = {name: abs(value - float(row["value"])) for name, value in candidates.items()}
        if min(gaps.values()) <= tolerance:
            continue
        computed = candidates.get("sasaran_rows_first", min(candidates.values()))
        errata.append(
            Erratum(
                kind="total_mismatch",
                severity=severity_of_gap(min(gaps.values())),
                source_table=str(row["source_table"]),
                source_line=int(row["source_line"]),
                item="average_of_rows",
                printed_table=printed_text(row.get("printed_table")),
                measure=str(row["measure"]),
                year=as_int(row["year"]) if present(row["year"]) else None,
                sasaran_no=as_int(row["sasaran_no"]) if present(row["sasaran_no"]) else None,
                indicator_name=printed_text(row["indicator_name"]),
                printed=str(row["raw"]),
                printed_value=float(row["value"]),
                computed=round(computed, 4),
                computed_alt=number_or_none(candidates.get("table_rows")),
                difference=round(computed - float(row["value"]), 4),
                unit=PERCENT,
                expected="mean_of_sasaran_rows",
                affects="ringkasan",
                effect="average_recomputed",
            )
        )
    return errata


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Restated realisations and capaian, and printed averages, of every report document.

    An average the report also states as a summary figure (the `reported_summary` line) is
    left to the summary family, which tries more readings: one erratum per stated figure."""
    values = model["indicator_values"]
    values = values[values["source"] == source_id]
    summary = model.printed[source_id].get("reported_summary")
    stated = set() if summary is None else set(summary["source_line"])
    errata: list[Erratum] = []
    for document in model.sources[source_id].origin.documents:
        if document.kind != REPORT_KIND:
            continue
        own = values[values["document"] == document.id]
        errata += audit_restated_figures(own)
        averages = audit_average_rows(own[own["basis"] == "lkjip_table"])
        errata += [e for e in averages if e.source_line not in stated]
    return errata
