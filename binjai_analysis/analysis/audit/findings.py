"""The list of audit findings (Daftar Temuan) against its own caption: the year of each audit.

The LKjIP lists the examiners' findings that caused a loss under a caption naming the year of
the losses ('... kerugian Negara dan Daerah Tahun 2018'). Each examiner's block may name the
year of its audit ('BPK RI Perwakilan Provsu Tahun 2017'), and an agency row the report it
comes from ('LHP No. ... /2017/ ... tanggal 10 Juli 2017'). A block or report of another year
than the caption's is a list (or a part of it) of another year: the caption or the block is
mislabelled. The caption's year is read from the caption; without one, it is the document's.

The list prints no total to check, its malformed figures are `audit.malformed`'s and its
repeated numbers are noted by its extraction step (`audit.notes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from binjai_analysis.analysis.audit.erratum import Erratum, present, printed_text
from binjai_analysis.analysis.audit.years import Text, YearMention
from binjai_analysis.data.extract.audit_findings import CAPTION, HEADER_DISTANCE, HEADER_FIRST
from binjai_analysis.data.model import DataModel

REFERENCE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
"""A year in a report reference ('096/LHP/2017/Rhs/tanggal 10 Juli 2017')."""
CAPTION_REACH = 40
"""Lines above a list's first row within which its caption is printed."""


def caption_line(lines: Sequence[str], first_row: int) -> int | None:
    """The line of the 'Daftar Temuan' caption above the list's first row."""
    for number in range(first_row - 1, max(0, first_row - CAPTION_REACH), -1):
        if CAPTION.match(lines[number - 1]):
            return number
    return None


def caption_year(text: Text, caption: int, first_row: int) -> YearMention | None:
    """The last year the caption names, up to its column header (the caption may run over
    several lines)."""
    last = min(first_row - 1, caption + HEADER_DISTANCE)
    header = next(
        (n for n in range(caption + 1, last + 1) if HEADER_FIRST.search(text.lines[n - 1])), None
    )
    last = header - 1 if header is not None else last
    mentions = text.mentions_in(caption, last)
    return mentions[-1] if mentions else None


def _examiner_mention(text: Text, first: int, last: int, year: int) -> YearMention | None:
    """Where an examiner's year is printed: the mention of `year` on lines `first`..`last`."""
    return next((m for m in text.mentions_in(first, last) if m.year == year), None)


def reference_years(reference: object) -> list[int]:
    """The years a report reference names.

    Examples:
        >>> reference_years("LHP No.Itko 096/LHP/2017/Rhs/tanggal 10 Juli 2017")
        [2017, 2017]
        >>> reference_years(None)
        []
    """
    text = printed_text(reference)
    return [int(year) for year in REFERENCE_YEAR.findall(text)] if text else []


Place = tuple[int | None, str | None]
"""A line and what is printed there (the caption's year)."""


def _erratum(
    row: dict, line: int, printed: str, year: float, expected: int, caption: Place
) -> Erratum:
    return Erratum(
        kind="mislabelled_year",
        severity="low",
        source_table=str(row["source_table"]),
        source_line=line,
        item="finding_year",
        printed_table="audit_findings",
        year=expected,
        row_seq=int(row["row_seq"]),
        printed_no=printed_text(row.get("printed_no")),
        program=printed_text(row.get("examiner")),
        printed=printed,
        printed_value=float(year),
        other_table=str(row["source_table"]),
        other_line=caption[0],
        other_printed=caption[1],
        affects="none",
        effect="read_as_report_year",
    )


def list_year(text: Text, first_row: int, document_year: int) -> tuple[int, Place]:
    """The year of a list whose first row is `first_row`: its caption's, else its
    document's; with where the caption names it."""
    line = caption_line(text.lines, first_row)
    named = caption_year(text, line, first_row) if line is not None else None
    if named is None:
        return document_year, (line, None)
    return named.year, (named.line, named.printed)


def _block_errata(
    rows: list[dict], text: Text, after: int, expected: int, caption: Place
) -> list[Erratum]:
    """An examiner block (printed after line `after`) whose year is not `expected`; in a
    block without a year, each row whose report reference names only other years."""
    audit_year = rows[0].get("audit_year")
    if present(audit_year):
        if int(audit_year) == expected:
            return []
        first = int(rows[0]["source_line"])
        mention = _examiner_mention(text, after, first, int(audit_year))
        where, printed = (
            (mention.line, mention.printed) if mention else (first, str(int(audit_year)))
        )
        return [_erratum(rows[0], where, printed, audit_year, expected, caption)]
    errata = []
    for row in rows:
        years = reference_years(row.get("reference"))
        if years and expected not in years:
            line, printed = int(row["source_line"]), str(row["reference"])
            errata.append(_erratum(row, line, printed, max(years), expected, caption))
    return errata


def audit_finding_years(
    findings: pd.DataFrame, lines: Sequence[str], document_year: int
) -> list[Erratum]:
    """Each examiner block whose printed audit year is not the caption's, and each agency row
    of a block without a year whose report reference names only another year."""
    if findings.empty:
        return []
    ordered = findings.sort_values("source_line", kind="stable")
    first_row = int(ordered["source_line"].iloc[0])
    text = Text(lines)
    expected, caption = list_year(text, first_row, document_year)
    errata: list[Erratum] = []
    after = caption[0] or first_row
    for _, block in ordered.groupby("examiner_no", sort=False):
        rows = block.to_dict("records")
        errata += _block_errata(rows, text, after, expected, caption)
        after = int(rows[-1]["source_line"])
    return errata


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """The audit years of each LKjIP document's list of findings against its caption."""
    source = model.sources[source_id]
    table = model["audit_findings"]
    table = table[table["source"] == source_id]
    if table.empty or not source.lines:
        return []
    errata: list[Erratum] = []
    for document in source.origin.documents:
        own = table[table["document"] == document.id]
        if document.kind == "LKjIP" and not own.empty:
            errata += audit_finding_years(own, source.lines, document.year)
    return errata
