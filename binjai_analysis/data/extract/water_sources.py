"""Extraction step: households by source of drinking water (`printed/water_sources.csv`).

Bab III of an LKjIP may chart the households of each kecamatan by their source of drinking
water ('Jumlah Rumah Tangga dan Sumber Air Minum'), and its narrative may state the city's
totals ('air sumur yaitu sebanyak 216.662 KK'). The text layer prints the chart as: the axis
ticks (0, 20,000, ...), the category labels (kecamatan names, wrapped), the data labels, the
title, then the legend (one line per series). The step finds the chart by its title inside an
LKjIP document and reads it backwards from the title; the data labels are split into series
of as many values as there are categories, named by the legend in order (as the result
charts are read, see `_results.find_charts`). Category labels are matched to the kecamatan
the source's profile table names (`printed/kecamatan.csv`). The year is the one the nearest
'Sumber: ..., <year>' caption before the chart prints. The narrative totals are the sentences
before the chart naming a legend series and a count ('sebanyak <n> KK').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from binjai_analysis.data.extract import Extracted, Step, printed_columns
from binjai_analysis.data.parsing import normalise_whitespace, parse_figure
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

TABLE = "water_sources"
COLUMNS = printed_columns(TABLE)
TITLE = re.compile(r"^\s*Jumlah\s+Rumah\s+Tangga\s+dan\s+Sumber\s+Air\s+Minum\b", re.IGNORECASE)
CHART_UNIT = "rumah tangga"
"""The unit the chart's title names ('Jumlah Rumah Tangga')."""
LABEL = re.compile(r"^\d[\d.,]*$")
TICK = re.compile(r"^\d{1,3}(?:,\d{3})*$")
LEGEND_WORDS = 3
"""A legend line has at most this many words; a longer line after the title is prose."""
SEARCH_LINES = 60
"""How far before the chart its 'Sumber' caption and the narrative totals may be."""
SOURCE_CAPTION = re.compile(r"^\s*Sumber\s*:.*?,?\s*(?P<year>\d{4})\.?\s*$")
TOTAL = re.compile(
    r"\bair\s+(?P<what>[\w/]+)[^.]*?\bsebanyak\s+(?P<figure>\d[\d.]*)\s*(?P<unit>KK)\b",
    re.IGNORECASE,
)
"""A narrative total: 'air <source> ... sebanyak <n> KK'."""


@dataclass(frozen=True)
class Label:
    """One data label of the chart."""

    raw: str
    line: int


def text_lines(lines: tuple[str, ...], first: int, last: int) -> list[tuple[int, str]]:
    """The non-blank lines `first..last` (1-based) with their numbers, whitespace normalised."""
    found = []
    for number in range(first, last + 1):
        text = normalise_whitespace(lines[number - 1])
        if text:
            found.append((number, text))
    return found


def is_labels(text: str) -> bool:
    return all(LABEL.match(word) for word in text.split())


def read_chart(
    lines: tuple[str, ...], title: int, first: int
) -> tuple[list[str], list[Label], int]:
    """Backwards from the title line: the category words, the data labels and the line of the
    first axis tick (0)."""
    before = text_lines(lines, max(first, title - SEARCH_LINES), title - 1)
    labels: list[Label] = []
    while before and is_labels(before[-1][1]):
        number, text = before.pop()
        labels[:0] = [Label(word, number) for word in text.split()]
    words: list[str] = []
    while before and not is_labels(before[-1][1]):
        words[:0] = before.pop()[1].split()
    ticks = []
    while before and TICK.match(before[-1][1]):
        ticks.insert(0, before.pop())
    if not labels or not words or not ticks or ticks[0][1] != "0":
        raise DataError(f"Line {title}: the water chart has no data labels, categories or axis")
    return words, labels, ticks[0][0]


def read_legend(lines: tuple[str, ...], title: int, last: int) -> list[str]:
    """The legend lines after the title, up to the first line of prose."""
    legend = []
    for _, text in text_lines(lines, title + 1, min(last, title + SEARCH_LINES)):
        if len(text.split()) > LEGEND_WORDS or is_labels(text):
            break
        legend.append(text)
    return legend


def categories(words: list[str], known: dict[str, str]) -> list[tuple[str, str]]:
    """The category labels as (id, name), matched in order to the `known` names (name -> id).

    Examples:
        >>> known = {"Binjai Timur": "binjai_timur", "Binjai Kota": "binjai_kota"}
        >>> categories("Binjai Timur Binjai Kota".split(), known)
        [('binjai_timur', 'Binjai Timur'), ('binjai_kota', 'Binjai Kota')]
    """
    names = sorted(known, key=lambda name: -len(name.split()))
    found, index = [], 0
    while index < len(words):
        for name in names:
            size = len(name.split())
            if [w.casefold() for w in words[index : index + size]] == name.casefold().split():
                found.append((known[name], name))
                index += size
                break
        else:
            raise DataError(f"Chart category {' '.join(words[index:])!r} names no kecamatan")
    return found


def label_style(raw: str) -> tuple[str, str]:
    """A data label's number style and note: ',' groups thousands, as on the chart's axis."""
    if "," in raw:
        return "us", ""
    return "us", f"Printed without a thousands separator ('{raw}'), unlike the other labels."


def source_year(lines: tuple[str, ...], first: int, chart: int) -> tuple[int, int] | None:
    """The year and line of the nearest 'Sumber: ..., <year>' caption before the chart."""
    for number in range(chart - 1, max(first, chart - SEARCH_LINES) - 1, -1):
        caption = SOURCE_CAPTION.match(lines[number - 1])
        if caption:
            return int(caption["year"]), number
    return None


def city(source: Source) -> tuple[str, str]:
    """The id and name of the city's totals: the source's region, as the kecamatan table
    names it ('Kota X' -> 'kota_x')."""
    name = source.origin.region.name
    return re.sub(r"\W+", "_", name.casefold()).strip("_"), name


def known_kecamatan(source: Source) -> dict[str, str]:
    """Kecamatan name -> id, from the source's profile table (city totals left out)."""
    from binjai_analysis.data.printed import load_table

    table = load_table(source, "kecamatan")
    if table is None:
        raise DataError(f"Source {source.id}: the water chart needs printed/kecamatan.csv")
    pairs = table.loc[table["kecamatan_id"] != city(source)[0], ["kecamatan", "kecamatan_id"]]
    return dict(pairs.drop_duplicates().itertuples(index=False, name=None))


def narrative_totals(
    lines: tuple[str, ...], first: int, chart: int, legend: list[str]
) -> list[tuple[str, str, int, str]]:
    """(series, raw, line, unit) of each narrative total before the chart naming a series."""
    window = text_lines(lines, max(first, chart - SEARCH_LINES), chart - 1)
    text, starts = "", []
    for number, piece in window:
        starts.append((len(text) + (1 if text else 0), number))
        text = f"{text} {piece}" if text else piece
    found = []
    for match in TOTAL.finditer(text):
        what = set(match["what"].casefold().split("/"))
        series = next((s for s in legend if what & set(s.casefold().split("/"))), None)
        if series is None:
            continue
        offset = match.start("figure")
        line = max(number for start, number in starts if start <= offset)
        found.append((series, match["figure"], line, match["unit"]))
    return found


def chart_records(source: Source, title: int, first: int, last: int, year: int | None) -> list:
    """The chart's data labels and the narrative totals as printed rows."""
    lines = source.lines
    words, labels, axis = read_chart(lines, title, first)
    legend = read_legend(lines, title, last)
    kecamatan = categories(words, known_kecamatan(source))
    if not legend or len(labels) != len(legend) * len(kecamatan):
        raise DataError(
            f"Line {title}: {len(labels)} data labels for {len(legend)} series of "
            f"{len(kecamatan)} categories"
        )
    caption = source_year(lines, first, axis)
    figure_year = caption[0] if caption else year
    year_note = (
        f"Year from the caption 'Sumber: ..., {caption[0]}' (line {caption[1]}) before the chart."
        if caption
        else "No 'Sumber' caption with a year before the chart: the report's year."
    )
    title_text = normalise_whitespace(lines[title - 1])
    rows = []
    for index, label in enumerate(labels):
        series = legend[index // len(kecamatan)]
        kecamatan_id, name = kecamatan[index % len(kecamatan)]
        style, note = label_style(label.raw)
        position = f"Series '{series}' (legend line {index // len(kecamatan) + 1}), by position."
        rows.append(
            _row(kecamatan_id, name, series, CHART_UNIT, figure_year, "chart", f"Grafik "
                 f"{title_text}", label.line, label.raw, style,
                 " ".join(filter(None, [note, position, year_note])))
        )  # fmt: skip
    city_id, city_name = city(source)
    for series, raw, line, unit in narrative_totals(lines, first, axis, legend):
        note = f"'{raw}' read with '.' as the thousands separator (a count of {unit})."
        rows.append(
            _row(city_id, city_name, series, unit, figure_year, "narrative", "Bab III", line, raw,
                 "id", f"{note} {year_note}")
        )  # fmt: skip
    return rows


def _row(
    kecamatan_id: str, kecamatan: str, series: str, unit: str, year: int | None, origin: str,
    table: str, line: int, raw: str, style: str, note: str,
) -> dict[str, object]:  # fmt: skip
    return {
        "kecamatan_id": kecamatan_id,
        "kecamatan": kecamatan,
        "water_source": series,
        "unit": unit,
        "year": year,
        "origin": origin,
        "source_table": table,
        "source_line": line,
        "raw": raw,
        "number_style": style,
        "value": parse_figure(raw, style).value,
        "parse_note": note,
    }


def run(source: Source) -> Extracted:
    """Regenerate `water_sources` from the source's LKjIP documents."""
    rows = []
    for document in source.origin.documents:
        if document.kind != "LKjIP" or document.lines is None:
            continue
        first, last = document.lines
        for number in range(first, last + 1):
            if TITLE.match(source.lines[number - 1]):
                rows += chart_records(source, number, first, last, document.year)
    if not rows:
        raise DataError(f"Source {source.id}: no chart of households by source of drinking water")
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return Extracted(frame, pd.Series(False, index=frame.index, dtype=bool))


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Reads the LKjIP's chart of households by source of drinking water per kecamatan "
        "(found by its title; data labels split into the legend's series by position) and the "
        "city totals its narrative states."
    ),
)
