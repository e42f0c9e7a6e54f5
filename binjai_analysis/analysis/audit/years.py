"""Years other than the report year named in passages about the report year."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from binjai_analysis.analysis.audit.erratum import Erratum, printed_text

REPORT_YEAR_TABLES = ("lkjip_agreement_targets", "lkjip_result_summary", "lkjip_budget")
"""Printed tables of the report year whose headings' surrounding text is checked for other
years (their printed names, e.g. 'Tabel 3.18', come from the data)."""
RUPIAH, PERCENT = "Rp", "%"


YEAR_IN_TEXT = re.compile(r"\bTahun\s+(?:Anggaran\s+)?(\d{4})\b(?!\s*[-–]\s*\d{4})", re.IGNORECASE)
"""'Tahun 1999' or 'Tahun Anggaran 1999', but not a period such as 'Tahun 1996-2001'."""


def find_heading(lines: Sequence[str], table: str) -> int | None:
    """The 1-based line where `table` (e.g. 'Tabel 3.18') is printed as a heading."""
    number = re.escape(table.split()[-1])
    pattern = re.compile(rf"^\s*tabel\s+{number}\.?(\s|$)", re.IGNORECASE)
    return next((i for i, line in enumerate(lines, 1) if pattern.match(line)), None)


@dataclass(frozen=True)
class Anchor:
    """A place that speaks of the report year: a table heading, or a summary figure (`item`
    of the reported summary, printed as `printed`)."""

    source_table: str
    line: int
    before: int
    after: int
    item: str | None = None
    printed: str | None = None


def year_anchors(
    lines: Sequence[str], tables: Iterable[str], summary: pd.DataFrame
) -> list[Anchor]:
    """Headings of the report-year tables `tables` (printed names such as 'Tabel 3.18'), with
    the text leading to them, and the report's summary figures."""
    anchors = [
        Anchor(table, heading, 8, 3)
        for table in tables
        if (heading := find_heading(lines, table)) is not None
    ]
    anchors += [
        Anchor(row.source_table, int(row.source_line), 2, 2, item=row.item, printed=row.raw)
        for row in summary.itertuples()
    ]
    return anchors


def _year_erratum(anchor: Anchor, line: int, match: re.Match, expected_year: int) -> Erratum:
    """The year named at `line` in a passage about `expected_year`, with its anchor."""
    return Erratum(
        kind="mislabelled_year",
        severity="low",
        source_table=anchor.source_table,
        source_line=line,
        item="year_near_heading" if anchor.item is None else "year_near_statement",
        year=int(expected_year),
        printed=match.group(0),
        printed_value=float(match.group(1)),
        other_table=anchor.source_table,
        other_line=anchor.line,
        other_item=printed_text(anchor.item),
        other_printed=printed_text(anchor.printed),
        effect="read_as_report_year",
    )


def audit_year_labels(
    lines: Sequence[str], anchors: Iterable[Anchor], expected_year: int
) -> list[Erratum]:
    """A year other than `expected_year` named in the lines around a report-year anchor."""
    errata: dict[int, Erratum] = {}
    for anchor in anchors:
        first = max(1, anchor.line - anchor.before)
        last = min(len(lines), anchor.line + anchor.after)
        for number in range(first, last + 1):
            for match in YEAR_IN_TEXT.finditer(lines[number - 1]):
                if int(match.group(1)) != expected_year and number not in errata:
                    errata[number] = _year_erratum(anchor, number, match, expected_year)
    return list(errata.values())
