"""Summary figures: stated counts, per-sasaran and overall average capaian, stated shares.

The report states how many sasaran, programs and indicators it has and what its capaian
averages are. Each is recomputed from the printed tables (the report's own figures). A stated
figure is reported only when no reasonable reading of the tables gives it: every reading
tried is listed (`listing`), the first is `computed`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from binjai_analysis.analysis.audit.erratum import (
    PERCENT,
    Erratum,
    as_int,
    present,
    severity_of_gap,
    table_name,
)
from binjai_analysis.analysis.audit.narrative import (
    INDICATOR_MEASURES,
    NUMBER,
    Passage,
    agrees,
    mask_years,
    narrative_span,
    nearest_table_rows,
    passage,
    read_number,
    realisation_tables,
)
from binjai_analysis.analysis.budget import SAME_ROW, budget_rows, repeated_rows
from binjai_analysis.data.model import DataModel


@dataclass(frozen=True)
class Reading:
    """One way of recomputing a stated figure: what was computed (`basis`, a code of
    `READINGS`), where (`where`: the printed tables), with every capaian capped at 100 or
    not, over how many rows, and the result."""

    basis: str
    value: float
    rows: int
    where: str = ""
    capped: bool = False

    @property
    def code(self) -> str:
        """The reading's code as an erratum's `expected`: the basis, '_capped' when capped."""
        return f"{self.basis}_capped" if self.capped else self.basis


READINGS = (
    "entity_table",
    "sasaran_in_table",
    "table_rows",
    "table_rows_without_repeats",
    "program_names",
    "indicator_rows",
    "framework_indicators",
    "mean",
    "mean_first_rows",
    "mean_last_rows",
    "mean_of_sasaran_means",
)
"""How a stated figure is recomputed: the rows of the entity's own table, the sasaran in a
table of indicator figures, a budget table's rows (with or without repeated rows) or program
names, indicator rows, the framework's indicators; the mean of printed capaian over all rows,
each indicator's first or last printed row, or the mean of the sasaran means."""


def _listing(readings: Sequence[Reading]) -> str:
    return json.dumps(
        [
            {
                "basis": r.basis,
                "where": r.where,
                "capped": r.capped,
                "value": round(r.value, 4),
                "rows": r.rows,
            }
            for r in readings
        ],
        ensure_ascii=False,
    )


def _indicator_rows(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Distinct printed indicator rows of a table of indicator figures for `year`."""
    own = frame[frame["year"].fillna(year) == year] if "year" in frame else frame
    keys = [k for k in ("source_table", "sasaran_no", "indicator_no", "indicator_name") if k in own]
    return own.drop_duplicates(subset=keys)


TABLE_LABELS = ("lkjip_agreement_targets", "lkjip_result_summary", "lkjip_results")
"""The printed tables of indicator figures whose sasaran and indicators are counted."""


def _label(frame: pd.DataFrame, name: str) -> str:
    """The printed names of the tables whose rows (`frame`) a reading counted."""
    return _tables_of(frame) if name == "lkjip_results" else table_name(frame, name)


def count_readings(tables: dict[str, pd.DataFrame], entity: str, year: int) -> list[Reading]:
    """Every count of `entity` (sasaran, misi, tujuan, program, indicator) the tables give."""
    readings: list[Reading] = []
    if entity in ("sasaran", "misi", "tujuan") and entity in tables:
        frame = tables[entity]
        where = table_name(frame, entity)
        readings.append(Reading("entity_table", len(frame), len(frame), where))
    if entity == "sasaran":
        for name in TABLE_LABELS:
            if name in tables:
                frame = _indicator_rows(tables[name], year)
                count = frame["sasaran_no"].nunique()
                where = _label(frame, name)
                readings.append(Reading("sasaran_in_table", count, len(frame), where))
    if entity == "program" and "lkjip_budget" in tables:
        rows = budget_rows(tables["lkjip_budget"])
        name = table_name(tables["lkjip_budget"], "budget table")
        repeats = repeated_rows(rows)
        exact = int((repeats["repeat"] == SAME_ROW).sum()) if not repeats.empty else 0
        readings += [
            Reading("table_rows", len(rows), len(rows), name),
            Reading("table_rows_without_repeats", len(rows) - exact, len(rows), name),
            Reading("program_names", rows["program_key"].nunique(), len(rows), name),
        ]
    if entity == "indicator":
        for name in TABLE_LABELS:
            if name in tables:
                frame = _indicator_rows(tables[name], year)
                frame = frame[frame["measure"].isin(INDICATOR_MEASURES)]
                frame = _indicator_rows(frame, year)
                where = _label(frame, name)
                readings.append(Reading("indicator_rows", len(frame), len(frame), where))
        if "indicators" in tables:
            count = len(tables["indicators"])
            readings.append(Reading("framework_indicators", count, count))
    return readings


COUNT_ITEM = re.compile(r"^(?P<entity>[a-z]+)_count$")
"""Reported-summary items that state a count of something the tables list."""


def audit_stated_counts(
    summary: pd.DataFrame, readings_of: Callable[[str], list[Reading]]
) -> list[Erratum]:
    """Stated counts (items '<entity>_count') that no count of the tables gives."""
    errata = []
    for row in summary.itertuples():
        match = COUNT_ITEM.match(str(row.item))
        if match is None or not present(row.value):
            continue
        readings = readings_of(match.group("entity"))
        if not readings or any(abs(r.value - float(row.value)) < 0.5 for r in readings):
            continue
        first = readings[0]
        errata.append(
            Erratum(
                kind="summary_mismatch",
                severity="medium",
                source_table=str(row.source_table),
                source_line=int(row.source_line),
                item="stated_count",
                measure=match.group("entity"),
                total_item=str(row.item),
                printed=str(row.raw),
                printed_value=float(row.value),
                computed=float(first.value),
                difference=float(first.value) - float(row.value),
                expected=first.code,
                other_table=first.where or None,
                listing=_listing(readings),
                affects="ringkasan",
                effect="summary_recomputed",
            )
        )
    return errata


# --- averages of capaian ---------------------------------------------------------------------


CAPAIAN_CAP = 100.0
"""The cap some reports apply to each capaian before averaging; an average of capped figures is
one of the readings tried."""


def _mean_reading(rows: pd.DataFrame, basis: str, where: str, cap: bool = False) -> Reading | None:
    values = rows["capaian"].dropna() if "capaian" in rows else pd.Series(dtype=float)
    values = values.clip(upper=CAPAIAN_CAP) if cap else values
    return Reading(basis, float(values.mean()), len(values), where, cap) if len(values) else None


def _tables_of(rows: pd.DataFrame) -> str:
    """The printed tables of `rows`: up to three by name, else the first and the last."""
    tables = list(dict.fromkeys(rows["source_table"].astype(str)))
    return ", ".join(tables) if len(tables) <= 3 else f"{tables[0]}–{tables[-1]}"


def _once_per_indicator(rows: pd.DataFrame, keep: str) -> pd.DataFrame:
    """Rows with each linked indicator once (its first or last printed row)."""
    if "indicator_id" not in rows:
        return rows
    linked = rows[rows["indicator_id"].notna()].drop_duplicates("indicator_id", keep=keep)
    return pd.concat([linked, rows[rows["indicator_id"].isna()]])


def average_readings(rows: pd.DataFrame, per_table: bool = True) -> list[Reading]:
    """Every mean of printed capaian the realisation rows `rows` give: all rows, each table's
    rows (`per_table`), each indicator once (its first or its last printed row), the mean of
    the sasaran means, and each of these with every capaian capped at 100."""
    if rows.empty:
        return []
    where = _tables_of(rows)
    readings = []
    for cap in (False, True):
        readings.append(_mean_reading(rows, "mean", where, cap))
        if per_table:
            for table, own in rows.groupby("source_table", sort=False):
                readings.append(_mean_reading(own, "mean", str(table), cap))
        for keep in ("first", "last"):
            once = _once_per_indicator(rows, keep)
            readings.append(_mean_reading(once, f"mean_{keep}_rows", where, cap))
        capaian = rows["capaian"].clip(upper=CAPAIAN_CAP) if cap else rows["capaian"]
        means = capaian.groupby(rows["sasaran_no"]).mean().dropna()
        if len(means) > 1:
            readings.append(
                Reading("mean_of_sasaran_means", float(means.mean()), len(means), where, cap)
            )
    unique: dict[tuple[float, int], Reading] = {}
    for reading in readings:
        if reading is not None:
            unique.setdefault((round(reading.value, 9), reading.rows), reading)
    return list(unique.values())


def _average_erratum(
    stated: dict, readings: list[Reading], item: str, sasaran_no: int | None = None
) -> list[Erratum]:
    """An erratum when the stated average (`stated`: source_table, source_line, raw, value)
    is no reading's, up to its printed rounding."""
    raw, value = str(stated["raw"]), float(stated["value"])
    if not readings or any(agrees(value, raw, r.value, raw) for r in readings):
        return []
    first = readings[0]
    return [
        Erratum(
            kind="summary_mismatch",
            severity=severity_of_gap(abs(first.value - value)),
            source_table=str(stated["source_table"]),
            source_line=int(stated["source_line"]),
            item=item,
            measure="capaian",
            sasaran_no=sasaran_no,
            total_item=stated.get("item"),
            printed=raw,
            printed_value=value,
            computed=first.value,
            difference=first.value - value,
            unit=PERCENT,
            expected=first.code,
            other_table=first.where or None,
            other_value=float(first.rows),
            listing=_listing(readings),
            affects="ringkasan",
            effect="summary_recomputed",
        )
    ]


SASARAN_AVERAGE_ITEM = re.compile(r"^sasaran_(?P<no>\d+)_average_capaian_pct$")
OVERALL_AVERAGE_ITEM = "average_capaian_pct"
AVERAGE_IN_TEXT = re.compile(
    rf"(?:capaian\s+(?:kinerja\s+)?rata\W*rata|rata\W*rata\s+capaian)(?P<gap>[^%]{{0,250}}?)"
    rf"(?P<raw>{NUMBER})\s*%",
    re.IGNORECASE,
)
"""'capaian rata-rata ... X %' / 'rata-rata capaian ... X %': a stated average capaian."""
SASARAN_IN_TEXT = re.compile(r"\bsasaran\b", re.IGNORECASE)


def sasaran_rows_above(rows: pd.DataFrame, sasaran_no: int, line: int) -> pd.DataFrame:
    """The realisation rows of sasaran `sasaran_no` printed in tables starting above `line`."""
    own = rows[(rows["sasaran_no"].map(as_int) == sasaran_no) & (rows["table_line"] <= line)]
    return own.sort_values(["table_line"], kind="stable")


def audit_sasaran_averages(
    summary: pd.DataFrame, rows: pd.DataFrame, text: Passage | None = None
) -> list[Erratum]:
    """Stated per-sasaran average capaian against the printed capaian of the sasaran's rows.

    Reported-summary items 'sasaran_<n>_average_capaian_pct' name their sasaran; an average
    stated in the text ('capaian rata-rata ... untuk Sasaran ... X %') is of the sasaran of the
    nearest table above it.
    """
    errata: list[Erratum] = []
    stated_lines: set[int] = set()
    for row in summary.to_dict("records"):
        match = SASARAN_AVERAGE_ITEM.match(str(row["item"]))
        if match is None or not present(row["value"]):
            continue
        number = int(match.group("no"))
        stated_lines.add(int(row["source_line"]))
        readings = average_readings(sasaran_rows_above(rows, number, int(row["source_line"])))
        errata += _average_erratum(row, readings, "sasaran_average", number)
    if text is None:
        return errata
    for found in AVERAGE_IN_TEXT.finditer(mask_years(text.text)):
        line = text.line_at(found.start("raw"))
        if line in stated_lines or not SASARAN_IN_TEXT.search(found.group("gap")):
            continue
        above = nearest_table_rows(rows, line)
        numbers = above["sasaran_no"].map(as_int).dropna().unique() if not above.empty else []
        value = read_number(found.group("raw"))
        if len(numbers) != 1 or value is None:
            continue
        stated = {
            "source_table": "Bab III",
            "source_line": line,
            "raw": f"{found.group('raw')}%",
            "value": value,
            "item": None,
        }
        readings = average_readings(sasaran_rows_above(above, int(numbers[0]), line))
        errata += _average_erratum(stated, readings, "sasaran_average", int(numbers[0]))
    return errata


def audit_overall_averages(summary: pd.DataFrame, rows: pd.DataFrame) -> list[Erratum]:
    """Stated overall average capaian (item 'average_capaian_pct') against the printed capaian
    of every realisation row of the report year."""
    readings = average_readings(rows, per_table=False)
    errata: list[Erratum] = []
    for row in summary.to_dict("records"):
        if row["item"] == OVERALL_AVERAGE_ITEM and present(row["value"]):
            errata += _average_erratum(row, readings, "overall_average")
    return errata


# --- shares stated as 'M dari N (P %)' -------------------------------------------------------

SHARE_PATTERNS = (
    re.compile(
        rf"(?P<part>{NUMBER})\s+(?:\w+\s+){{0,3}}dari\s+(?:\w+\s+){{0,3}}?(?P<whole>{NUMBER})"
        rf"[^%()]{{0,60}}?\(\s*(?P<pct>{NUMBER})\s*%\s*\)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\bdari\s+(?P<whole>{NUMBER})\s+[^\d%]{{0,60}}?(?P<part>{NUMBER})\s*"
        rf"\(\s*(?P<pct>{NUMBER})\s*%\s*\)",
        re.IGNORECASE,
    ),
)
"""'M ... dari N ... (P %)' and 'dari N ..., M (P %)': a part, its whole, and its share."""
SUMMARY_NEIGHBOURHOOD = 15
"""Lines around each reported summary figure read as its summary passage."""


def audit_stated_shares(source: Passage) -> list[Erratum]:
    """Shares stated as 'M dari N (P %)' whose P is not M / N."""
    errata = []
    masked = mask_years(source.text)
    for pattern in SHARE_PATTERNS:
        for found in pattern.finditer(masked):
            part, whole = read_number(found.group("part")), read_number(found.group("whole"))
            share_raw = found.group("pct")
            share = read_number(share_raw)
            if not (part is not None and whole and share is not None and part <= whole):
                continue
            computed = part / whole * 100.0
            if agrees(share, share_raw, computed, share_raw):
                continue
            errata.append(
                Erratum(
                    kind="arithmetic_error",
                    severity=severity_of_gap(abs(computed - share)),
                    source_table="Teks",
                    source_line=source.line_at(found.start("pct")),
                    item="stated_share",
                    measure="persen",
                    printed=f"{share_raw}%",
                    printed_value=share,
                    computed=computed,
                    difference=computed - share,
                    unit=PERCENT,
                    other_printed=f"{found.group('part')} / {found.group('whole')}",
                    affects="ringkasan",
                    effect="percent_recomputed",
                )
            )
    return errata


def summary_passages(lines: Sequence[str], summary: pd.DataFrame) -> list[Passage]:
    """The text around each reported summary figure, overlapping stretches merged."""
    spans: list[list[int]] = []
    for line in sorted(summary["source_line"].astype(int)):
        first = max(1, line - SUMMARY_NEIGHBOURHOOD)
        last = min(len(lines), line + SUMMARY_NEIGHBOURHOOD)
        if spans and first <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], last)
        else:
            spans.append([first, last])
    return [passage(lines, first, last) for first, last in spans]


# --- one source ------------------------------------------------------------------------------


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Stated counts, averages and shares of each LKjIP document of one source."""
    tables = dict(model.printed[source_id])
    summary = tables.get("reported_summary")
    source = model.sources[source_id]
    if summary is None or summary.empty:
        return []
    tables.setdefault("indicators", model["indicators"])
    values = model["indicator_values"]
    errata: list[Erratum] = []
    for document in source.origin.documents:
        if document.kind != "LKjIP":
            continue
        own = summary  # a source without a text holds one report: all its summary figures
        if document.lines:
            own = summary[summary["source_line"].between(*document.lines)]
        year = document.year
        errata += audit_stated_counts(own, lambda e, y=year: count_readings(tables, e, y))
        results = values[
            (values["source"] == source_id)
            & (values["document"] == document.id)
            & (values["printed_table"] == "lkjip_results")
        ]
        rows = realisation_tables(results, document.year, source.lines)
        span = narrative_span(tables)
        text = passage(source.lines, *span) if source.lines and span else None
        errata += audit_sasaran_averages(own, rows, text)
        errata += audit_overall_averages(own, rows)
        if source.lines:
            for stretch in summary_passages(source.lines, own):
                errata += audit_stated_shares(stretch)
    return errata
