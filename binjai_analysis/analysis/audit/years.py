"""Year labels: years other than the one a passage, heading or caption should name.

Which year a place should name comes from the data: the year of the document the line
belongs to (the origin's documents give line ranges), the years of the figures of the table a
caption heads, and the plan period for 'tahun ke-n' statements. Periods ('Tahun 2016-2021')
and regulations ('Nomor 23 Tahun 2014', 'Permendagri 54 Tahun 2010') name no year of a figure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from binjai_analysis.analysis.audit.erratum import Erratum, printed_text, table_name
from binjai_analysis.analysis.audit.numbering import Caption, find_captions, ordinal_value
from binjai_analysis.data.model import DataModel

REPORT_YEAR_TABLES = ("lkjip_agreement_targets", "lkjip_result_summary", "lkjip_budget")
"""Printed tables of the report year whose headings' surrounding text is checked for other
years (their printed names, e.g. 'Tabel 3.18', come from the data)."""
REPORT_KIND = "LKjIP"
"""Documents whose year is a report year (their report-year tables' passages are checked)."""

YEAR_IN_TEXT = re.compile(r"(?<![A-Za-z])Tahun\s+(?:Anggaran\s+)?(\d{4})\b", re.IGNORECASE)
"""'Tahun 1999' or 'Tahun Anggaran 1999' (a period or a regulation is told apart by
`year_mentions`)."""
PERIOD_AFTER = re.compile(r"\s*[-–]")
"""A year followed by a dash starts a period ('Tahun 2016 - 2021', also across a line break)."""
REGULATION_BEFORE = re.compile(r"(?:\d|/)\s*$")
"""A number or a slash just before 'Tahun' makes a regulation's number ('Nomor 23 Tahun 2014',
'188.45-172/K/Tahun 2018'), not a year of the figures."""
REPORT_WORDS = re.compile(
    r"capaian|realisasi|kinerja|anggaran|apbd|laporan|perjanjian|target", re.IGNORECASE
)
"""Words of a heading, caption or statement about the report's own figures (targets,
realisation, budget). Headings without them (a photo of an event) may name any year."""
DEFAULT_BEFORE, DEFAULT_AFTER = 8, 3
"""Lines read before and after a report-year table's heading at least (its introduction and
its caption); the introduction is read further back up to the section it opens."""
PASSAGE_MAX_LINES = 80
"""At most this many lines before a report-year table's heading are its introduction."""
SECTION_HEADING = re.compile(r"^\s*(?:[A-H]\.|\d+\.\d+\.|B\s*A\s*B\b|BAB\b)\s*[A-Z]")
"""A section heading: 'C.  Akuntabilitas Keuangan.', '3.1. Capaian Kinerja ...', 'BAB III'."""
CAPTION_LINES = 2
"""Non-blank lines after a caption's line that continue its title."""
RUNNING_TITLE_REPEATS = 3
"""A line printed this many times in one document is a running title (a page header)."""
SOURCE_LINE = re.compile(r"^\s*Sumber\s*:", re.IGNORECASE)
SOURCE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
SOURCE_LINE_REACH = 12
"""A 'Sumber:' line belongs to the caption at most this many lines above it (under the
chart or table); further down it sources prose."""
INTRO_LINES = 2
"""Non-blank lines before a caption that introduce its figure ('... Tahun 2018 dapat dilihat
pada grafik dibawah :')."""
PLAN_YEAR = re.compile(
    r"tahun\s+(?P<ordinal>pertama|ke[-\s]?\d+|ke(?:dua|tiga|empat|lima|enam|tujuh|delapan))",
    re.IGNORECASE,
)
"""'tahun ketiga', 'tahun ke-3', 'tahun keduabagi' (words run together in the dump)."""
PLAN_CONTEXT_LINES = 3
"""Non-blank lines around a 'tahun ke-n' statement within which the plan must be named."""
PLAN_NAMES = re.compile(r"RPJMD|Rencana\s+Pembangunan\s+Jangka\s+Menengah", re.IGNORECASE)
NAMED_YEAR_REACH = 80
"""Characters before 'tahun ke-n' within which a year named by the statement is printed."""


HEADING_START = re.compile(r"\s*tabel\s", re.IGNORECASE)
"""How every table heading starts: the lines `find_heading` reads."""


@lru_cache(maxsize=8)
def _heading_candidates(lines: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """The (1-based number, text) of every line that may be a table heading, found once."""
    return tuple((i, line) for i, line in enumerate(lines, 1) if HEADING_START.match(line))


def find_heading(lines: Sequence[str], table: str) -> int | None:
    """The 1-based line where `table` (e.g. 'Tabel 3.18') is printed as a heading."""
    number = re.escape(table.split()[-1])
    pattern = re.compile(rf"^\s*tabel\s+{number}\.?(\s|$)", re.IGNORECASE)
    candidates = _heading_candidates(tuple(lines))
    return next((i for i, line in candidates if pattern.match(line)), None)


@dataclass(frozen=True)
class YearMention:
    """A year named in the text: its line, the words as printed, the year and where it
    starts in the joined text."""

    line: int
    printed: str
    year: int
    offset: int = -1


class Text:
    """The source text joined, to read years across line breaks; `line_of` maps offsets."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.starts = []
        offset = 0
        for line in lines:
            self.starts.append(offset)
            offset += len(line) + 1
        self.joined = "\n".join(lines)
        self.mentions = self._mentions()
        self._lines = [m.line for m in self.mentions]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def _mentions(self) -> list[YearMention]:
        found = []
        for match in YEAR_IN_TEXT.finditer(self.joined):
            after = self.joined[match.end() : match.end() + 4]
            before = self.joined[max(0, match.start() - 6) : match.start()]
            if PERIOD_AFTER.match(after) or REGULATION_BEFORE.search(before):
                continue
            printed = " ".join(match.group(0).split())
            line = self.line_of(match.start())
            found.append(YearMention(line, printed, int(match.group(1)), match.start()))
        return found

    def mentions_in(self, first: int, last: int) -> list[YearMention]:
        """The years named on lines `first` to `last`."""
        low = bisect.bisect_left(self._lines, first)
        high = bisect.bisect_right(self._lines, last)
        return self.mentions[low:high]


def year_mentions(lines: Sequence[str]) -> list[YearMention]:
    """Every year named in `lines` ('Tahun 2017', 'Tahun Anggaran 2017'), without periods
    and regulations."""
    return Text(lines).mentions


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


@lru_cache(maxsize=65536)
def _opens_caption(text: str) -> bool:
    """Whether a line, read alone, is a table or figure heading (asked of many lines)."""
    return find_captions([text]) != []


def _is_break(text: str) -> bool:
    return bool(SECTION_HEADING.match(text)) or _opens_caption(text)


def passage_start(lines: Sequence[str], heading: int) -> int:
    """The first line of the passage leading to a table's heading: the line after the
    previous section heading or caption (at most `PASSAGE_MAX_LINES` back)."""
    first = max(1, heading - PASSAGE_MAX_LINES)
    for number in range(heading - 1, first - 1, -1):
        if _is_break(lines[number - 1]):
            return number
    return first


def year_anchors(
    lines: Sequence[str], tables: Iterable[str], summary: pd.DataFrame
) -> list[Anchor]:
    """Headings of the report-year tables `tables` (printed names such as 'Tabel 3.18'), with
    the passage leading to them, and the report's summary figures."""
    anchors = []
    for table in tables:
        heading = find_heading(lines, table)
        if heading is not None:
            before = max(DEFAULT_BEFORE, heading - passage_start(lines, heading))
            anchors.append(Anchor(table, heading, before, DEFAULT_AFTER))
    anchors += [
        Anchor(row.source_table, int(row.source_line), 2, 2, item=row.item, printed=row.raw)
        for row in summary.itertuples()
    ]
    return anchors


def _year_erratum(anchor: Anchor, mention: YearMention, expected_year: int) -> Erratum:
    """The year named at `line` in a passage about `expected_year`, with its anchor."""
    return Erratum(
        kind="mislabelled_year",
        severity="low",
        source_table=anchor.source_table,
        source_line=mention.line,
        item="year_near_heading" if anchor.item is None else "year_near_statement",
        year=int(expected_year),
        printed=mention.printed,
        printed_value=float(mention.year),
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
    text = Text(lines)
    errata: dict[int, Erratum] = {}
    for anchor in anchors:
        first = max(1, anchor.line - anchor.before)
        last = min(len(lines), anchor.line + anchor.after)
        for mention in text.mentions_in(first, last):
            if mention.year != expected_year and mention.line not in errata:
                errata[mention.line] = _year_erratum(anchor, mention, expected_year)
    return list(errata.values())


# --- captions and headings ---------------------------------------------------------------


def _nonblank_after(
    lines: Sequence[str], line: int, count: int, last: int | None = None
) -> list[int]:
    found: list[int] = []
    for number in range(line + 1, min(last or len(lines), line + 40) + 1):
        text = lines[number - 1]
        if SOURCE_LINE.match(text) or _opens_caption(text):
            break
        if text.strip():
            found.append(number)
            if len(found) == count:
                break
    return found


def _nonblank_before(lines: Sequence[str], line: int, count: int) -> list[int]:
    found: list[int] = []
    for number in range(line - 1, max(0, line - 40), -1):
        text = lines[number - 1]
        if _opens_caption(text) or SOURCE_LINE.match(text):
            break
        if text.strip():
            found.append(number)
            if len(found) == count:
                break
    return sorted(found)


def caption_lines(lines: Sequence[str], caption: Caption, last: int | None = None) -> list[int]:
    """The lines of a caption: its own and up to `CAPTION_LINES` non-blank ones after it
    (not past `last`, the end of its document)."""
    return [caption.line, *_nonblank_after(lines, caption.line, CAPTION_LINES, last)]


def figure_years(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """(source_table, source_line, year) of every printed figure that has a year."""
    frames = [
        frame[["source_table", "source_line", "year"]].dropna()
        for frame in tables.values()
        if {"source_table", "source_line", "year"} <= set(frame.columns)
    ]
    if not frames:
        return pd.DataFrame(columns=["source_table", "source_line", "year"])
    return pd.concat(frames, ignore_index=True).astype({"source_line": int, "year": int})


def years_of_caption(caption: Caption, following: int | None, figures: pd.DataFrame) -> set[int]:
    """The years of the figures printed under `caption` (rows named like it, up to the next
    caption `following`)."""
    return FigureYears(figures).under(caption, following)


class FigureYears:
    """`figure_years` indexed by table, to ask `years_of_caption` of many captions."""

    def __init__(self, figures: pd.DataFrame) -> None:
        self.by_table: dict[str, list[tuple[object, int]]] = {}
        columns = (figures[c] for c in ("source_table", "source_line", "year"))
        for table, line, year in zip(*columns, strict=True):
            self.by_table.setdefault(table, []).append((line, int(year)))

    def under(self, caption: Caption, following: int | None) -> set[int]:
        """The years of `years_of_caption`."""
        end = following or 10**9
        return {
            year
            for table, rows in self.by_table.items()
            if table.startswith(caption.name)
            for line, year in rows
            if caption.line < line < end
        }


@dataclass(frozen=True)
class Title:
    """A caption or heading: where it is, its lines, its name, the document year there and
    the years of its table's figures (empty when the data hold none)."""

    line: int
    lines: tuple[int, ...]
    name: str
    document_year: int
    figure_years: frozenset[int]
    item: str


def title_errata(text: Text, titles: Iterable[Title]) -> list[Erratum]:
    """Captions and headings naming a year their figures do not have.

    With the table's figures in the data, a named year must be one of their years; else a
    title about the report's figures (`REPORT_WORDS`) must name its document's year (one that
    names that year besides others compares years)."""
    errata = []
    for title in titles:
        mentions = [m for n in title.lines for m in text.mentions_in(n, n)]
        words = " ".join(text.lines[n - 1] for n in title.lines)
        if title.figure_years:
            wrong = [m for m in mentions if m.year not in title.figure_years]
            expected = (
                title.document_year
                if title.document_year in title.figure_years
                else max(title.figure_years)
            )
        elif REPORT_WORDS.search(words) and title.document_year not in {m.year for m in mentions}:
            wrong, expected = mentions, title.document_year
        else:
            continue
        errata += [
            Erratum(
                kind="mislabelled_year",
                severity="low",
                source_table=title.name,
                source_line=m.line,
                item=title.item,
                year=int(expected),
                printed=m.printed,
                printed_value=float(m.year),
                other_table=title.name,
                other_line=title.line,
                other_printed=printed_text(text.lines[title.line - 1].strip()),
                effect="read_as_report_year",
            )
            for m in wrong[:1]
        ]
    return errata


def section_headings(lines: Sequence[str]) -> list[int]:
    """Lines naming a year that are section headings, all-capital headings or running
    titles."""
    keys = [" ".join(text.split()) for text in lines]
    counts: dict[str, int] = {}
    for key in keys:
        if key:
            counts[key] = counts.get(key, 0) + 1
    found = []
    for number, (text, key) in enumerate(zip(lines, keys, strict=True), 1):
        if not YEAR_IN_TEXT.search(key):
            continue
        letters = [c for c in key if c.isalpha()]
        capital = len(key.split()) >= 2 and letters and all(c.isupper() for c in letters)
        if SECTION_HEADING.match(text) or capital or counts.get(key, 0) >= RUNNING_TITLE_REPEATS:
            found.append(number)
    return found


class Documents:
    """The documents of a source by line: the year of the document a line belongs to."""

    def __init__(self, documents: Iterable[object]) -> None:
        self.ranged = sorted((d for d in documents if d.lines), key=lambda d: d.lines[0])
        self.starts = [d.lines[0] for d in self.ranged]

    def at(self, line: int) -> object | None:
        index = bisect.bisect_right(self.starts, line) - 1
        if index < 0 or line > self.ranged[index].lines[1]:
            return None
        return self.ranged[index]

    def year_at(self, line: int) -> int | None:
        document = self.at(line)
        return int(document.year) if document is not None else None


def titles_of(lines: Sequence[str], documents: Documents, figures: pd.DataFrame) -> list[Title]:
    """Every caption (with its table's figure years) and heading, with its document's year."""
    captions = find_captions(lines)
    years_under = FigureYears(figures).under
    titles = []
    for index, caption in enumerate(captions):
        document = documents.at(caption.line)
        if document is None:
            continue
        year = int(document.year)
        following = captions[index + 1].line if index + 1 < len(captions) else None
        years = years_under(caption, following) if caption.number else set()
        own = tuple(caption_lines(lines, caption, document.lines[1]))
        titles.append(
            Title(caption.line, own, caption.name, year, frozenset(years), "year_in_caption")
        )
    caption_at = {c.line for c in captions}
    for line in section_headings(lines):
        year = documents.year_at(line)
        if year is not None and line not in caption_at:
            name = " ".join(lines[line - 1].split())
            titles.append(Title(line, (line,), name, year, frozenset(), "year_in_heading"))
    return titles


# --- source lines -------------------------------------------------------------------------


def source_line_errata(text: Text, documents: Documents, figures: pd.DataFrame) -> list[Erratum]:
    """A chart's or table's 'Sumber:' line dated before the year its figures are of.

    The figures' year is the latest named in the caption or the lines introducing it, or of
    the table's figures in the data; a source cannot hold figures of a later year."""
    lines = text.lines
    captions = find_captions(lines)
    lines_of_captions = [c.line for c in captions]
    years_under = FigureYears(figures).under
    errata = []
    for number, line_text in enumerate(lines, 1):
        if not SOURCE_LINE.match(line_text) or documents.year_at(number) is None:
            continue
        index = bisect.bisect_left(lines_of_captions, number) - 1
        if index < 0 or number - captions[index].line > SOURCE_LINE_REACH:
            continue
        caption = captions[index]
        source_years = [
            int(m.group(1))
            for m in SOURCE_YEAR.finditer(line_text)
            if not REGULATION_BEFORE.search(line_text[: m.start()].replace("Tahun", "").rstrip())
        ]
        if not source_years:
            continue
        around = _nonblank_before(lines, caption.line, INTRO_LINES) + caption_lines(lines, caption)
        named = [m for n in around for m in text.mentions_in(n, n)]
        data_years = years_under(caption, number + 1) if caption.number else set()
        candidates = [(m.year, m.line, m.printed) for m in named] + [
            (y, caption.line, caption.name) for y in data_years
        ]
        if not candidates:
            continue
        latest = max(candidates)
        if max(source_years) < latest[0]:
            errata.append(
                Erratum(
                    kind="mislabelled_year",
                    severity="low",
                    source_table=caption.name,
                    source_line=number,
                    item="year_in_source_line",
                    year=int(latest[0]),
                    printed=" ".join(line_text.split()),
                    printed_value=float(max(source_years)),
                    other_table=caption.name,
                    other_line=latest[1],
                    other_printed=latest[2],
                    effect="read_as_report_year",
                )
            )
    return errata


# --- 'tahun ke-n' of the plan ---------------------------------------------------------------


def plan_year_number(ordinal: str) -> int | None:
    """'pertama' 1, 'ketiga' 3, 'ke-3' 3, 'ke 3' 3."""
    digits = re.sub(r"\D", "", ordinal)
    return int(digits) if digits else ordinal_value(ordinal)


def _plan_named_near(lines: Sequence[str], line: int) -> bool:
    first = _nonblank_before(lines, line, PLAN_CONTEXT_LINES)
    last = [n for n in range(line + 1, min(len(lines), line + 20) + 1) if lines[n - 1].strip()]
    around = [*first, line, *last[:PLAN_CONTEXT_LINES]]
    return any(PLAN_NAMES.search(lines[n - 1]) for n in around)


def plan_year_errata(text: Text, documents: Documents, start: int, end: int) -> list[Erratum]:
    """'Tahun 2018 ... tahun kedua pelaksanaan RPJMD 2016-2021': the n-th year of a plan that
    starts in `start` is start + n - 1, and a document places its own year in the plan.

    A statement naming another year, with the ordinal of that year and no words about the
    report's figures, is history and is left alone."""
    errata = []
    for match in PLAN_YEAR.finditer(text.joined):
        line = text.line_of(match.start())
        year = documents.year_at(line)
        ordinal = plan_year_number(match.group("ordinal"))
        if year is None or ordinal is None or not 1 <= ordinal <= end - start + 1:
            continue
        if not _plan_named_near(text.lines, line):
            continue
        stated = start + ordinal - 1
        reach_start = max(0, match.start() - NAMED_YEAR_REACH)
        reach = text.joined[reach_start : match.start()]
        named = [
            m
            for m in text.mentions_in(text.line_of(reach_start), line)
            if reach_start <= m.offset < match.start()
        ]
        named_year = named[-1] if named else None
        sentence = text.lines[line - 1] + " " + reach
        history = named_year is not None and named_year.year == stated != year
        if history and not REPORT_WORDS.search(sentence):
            continue
        if stated == year and (named_year is None or named_year.year == year):
            continue
        errata.append(
            Erratum(
                kind="mislabelled_year",
                severity="low",
                source_table="RPJMD",
                source_line=line,
                item="rpjmd_year_number",
                year=int(year),
                printed=" ".join(match.group(0).split()),
                printed_value=float(ordinal),
                computed=float(stated),
                expected=f"tahun ke-{year - start + 1}",
                other_line=named_year.line if named_year else None,
                other_printed=named_year.printed if named_year else None,
                effect="read_as_report_year",
            )
        )
    return errata


# --- the whole source ---------------------------------------------------------------------


def _report_anchors(model: DataModel, source_id: str) -> list[Anchor]:
    tables = model.printed[source_id]
    lines = model.sources[source_id].lines
    names = [table_name(tables.get(name), "") for name in REPORT_YEAR_TABLES if name in tables]
    summary = tables.get("reported_summary", pd.DataFrame(columns=["source_line"]))
    return year_anchors(lines, [n for n in names if n], summary)


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Every year-label check over one source: passages around the report-year tables and
    summary figures, captions, headings, source lines and 'tahun ke-n' statements.

    One erratum per line: the first check that finds it."""
    source = model.sources[source_id]
    lines = source.lines
    if not lines:
        return []
    text = Text(lines)
    documents = Documents(source.origin.documents)
    figures = figure_years(model.printed[source_id])
    errata: list[Erratum] = []
    for document in source.origin.documents:
        if document.kind == REPORT_KIND and document.lines:
            first, last = document.lines
            anchors = [a for a in _report_anchors(model, source_id) if first <= a.line <= last]
            errata += audit_year_labels(lines, anchors, document.year)
    errata += title_errata(text, titles_of(lines, documents, figures))
    errata += source_line_errata(text, documents, figures)
    period = source.origin.plan_period
    if period is not None:
        errata += plan_year_errata(text, documents, period.start, period.end)
    seen: set[int] = set()
    unique = []
    for erratum in errata:
        if erratum.source_line not in seen:
            seen.add(erratum.source_line)
            unique.append(erratum)
    return unique
