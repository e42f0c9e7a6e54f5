"""Narrative against tables: figures quoted in the text of Bab III against the printed tables.

Two sources of narrative figures: the parsed budget sentences (`budget_narrative`: a program's
anggaran, realisasi and %), compared with the budget table's row of the same program; and the
indicator sentences of Bab III ("Indikator ... dari target ... sebesar X dapat terealisasi
sebesar Y, Capaian persentase Z %"), read here from the text and compared with the row of the
same indicator in the nearest preceding realisation table. Each narrative percentage is also
recomputed from the narrative's own figures.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import pandas as pd

from binjai_analysis.analysis.achievement import capaian_numeric
from binjai_analysis.analysis.audit.erratum import (
    PERCENT,
    RUPIAH,
    Erratum,
    as_int,
    number_or_none,
    present,
    printed_precision,
    printed_text,
    severity_of_gap,
    table_name,
)
from binjai_analysis.analysis.audit.years import find_heading
from binjai_analysis.analysis.budget import budget_rows, match_program_names, normalise_program
from binjai_analysis.analysis.tidy import spread_measures
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.parsing import parse_figure

ROUNDING_UNITS = 2.0
"""How many half-units of the last printed decimal two figures may differ by and still be the
same figure: one half-unit for rounding, a second for truncation (93,94 for 93,946)."""
NAME_MATCH_MIN = 0.6
"""Least token overlap (Dice coefficient) between a sentence's indicator name and a table row's
name for the two to be the same indicator; names below it are different indicators."""
NAME_MATCH_MARGIN = 0.1
"""How much better the best row's name must match than the next row's: a sentence that fits two
rows about equally speaks of neither clearly."""
STATEMENT_SPAN = 600
"""Most characters an indicator sentence runs from 'Indikator' to its last figure."""
YEAR_AFTER_SPAN = 30
"""Characters after a figure searched for a year that belongs to it ('64% (84 ton) pada tahun
2017')."""

NUMBER = r"\d+(?:[.,]\d+)*"
PERCENT_AFTER = re.compile(r"\s*%")
YEAR_WORD = re.compile(r"\btahun\s+(\d{4})\b", re.IGNORECASE)
APPROXIMATE = re.compile(r"\b(?:sekitar|kurang\s+lebih|hampir|lebih\s+dari)\b", re.IGNORECASE)
"""Words that make the figure after them approximate; approximate figures are not compared."""
STATEMENT_START = re.compile(r"\bIndikator\b(?:\s+Kinerja)?\s*", re.IGNORECASE)
STATEMENT_STOP = re.compile(r"\bIndikator\b|\bAdapun\b|\bTabel\s+\d", re.IGNORECASE)
NAME_END = re.compile(
    r",|\bdari\s+target\b|\btarget\b|\bdengan\s+realisasi\b|\btelah\b|\bmencapai\b"
    r"|\bcapaian\b|\byang\s+ditargetkan\b|\bterjadi\b",
    re.IGNORECASE,
)
KEYWORD = r"target|(?:te)?realisasi|capaian"


def _figure_pattern(keyword: str, gap: int, suffix: str = "") -> re.Pattern:
    """A measure's keyword, then within `gap` characters (no sentence end, no other measure's
    keyword) its figure."""
    between = rf"(?:(?!{KEYWORD})[^\d%.;]){{0,{gap}}}?"
    return re.compile(rf"\b(?:{keyword})\b(?P<gap>{between})(?P<raw>{NUMBER}){suffix}", re.I)


FIGURE_PATTERNS = {
    "target": _figure_pattern("target", 60),
    "realisasi": _figure_pattern("(?:te)?realisasi", 40),
    "capaian": _figure_pattern("capaian", 40, r"\s*%"),
}
"""Where each measure's figure is quoted; a capaian is a percentage."""
INDICATOR_MEASURES = ("target", "realisasi", "capaian")


# --- text ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """Lines `first`..`last` of a source joined by spaces, with where each line starts."""

    text: str
    starts: tuple[int, ...]
    first_line: int

    def line_at(self, position: int) -> int:
        """The 1-based source line holding character `position` of the passage."""
        return self.first_line + bisect.bisect_right(self.starts, position) - 1


def passage(lines: Sequence[str], first: int, last: int) -> Passage:
    """Lines `first`..`last` (1-based, inclusive) as one text."""
    starts, parts, position = [], [], 0
    for line in lines[first - 1 : last]:
        starts.append(position)
        parts.append(line)
        position += len(line) + 1
    return Passage(" ".join(parts), tuple(starts), first)


def mask_years(text: str) -> str:
    """`text` with every 'tahun 1999' turned into letters of the same length, so that a year is
    never read as a figure (positions stay the same)."""
    return YEAR_WORD.sub(lambda match: "x" * len(match.group(0)), text)


def read_number(raw: str) -> float | None:
    """A printed figure's value (Indonesian or US style, decided by its separators)."""
    return parse_figure(raw.strip()).value


def agrees(value: float, raw: str, other_value: float, other_raw: str) -> bool:
    """Whether two printed figures are the same figure up to printed rounding or truncation."""
    tolerance = ROUNDING_UNITS * max(printed_precision(raw), printed_precision(other_raw))
    return abs(value - other_value) <= tolerance + 1e-9


TOKEN_MATCH_MIN = 0.85
"""Least similarity (difflib ratio) of two words of five letters or more to count as the same
word misspelt ('persantase', 'perumbuhan')."""
MENTION_MIN = 0.9
"""Share of another indicator's name words a sentence must contain to mention that indicator;
a sentence mentioning two indicators speaks of neither clearly."""


NAME_TOKEN = re.compile(r"[a-z0-9]+")


def name_tokens(name: str) -> frozenset[str]:
    return _tokens(str(name))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(NAME_TOKEN.findall(text.lower()))


@lru_cache(maxsize=65536)
def _same_word(word: str, other: str) -> bool:
    if word == other:
        return True
    if min(len(word), len(other)) < 5:
        return False
    matcher = SequenceMatcher(None, word, other)
    # real_quick_ratio and quick_ratio are cheap upper bounds of ratio: the same answer, sooner
    return (
        matcher.real_quick_ratio() >= TOKEN_MATCH_MIN
        and matcher.quick_ratio() >= TOKEN_MATCH_MIN
        and matcher.ratio() >= TOKEN_MATCH_MIN
    )


def _shared(words: frozenset[str], others: frozenset[str]) -> int:
    """How many of `words` appear (possibly misspelt) among `others`."""
    return sum(any(_same_word(word, other) for other in others) for word in words)


def name_similarity(left: str, right: str) -> float:
    """Dice coefficient of the two names' word sets, misspelt words counting as the same."""
    a, b = name_tokens(left), name_tokens(right)
    return 2 * _shared(a, b) / (len(a) + len(b)) if a and b else 0.0


def mentions(text: str, name: str) -> bool:
    """Whether `text` names the indicator `name` (nearly all of its words, three or more)."""
    words = name_tokens(name)
    return len(words) >= 3 and _shared(words, name_tokens(text)) >= MENTION_MIN * len(words)


# --- indicator statements --------------------------------------------------------------------


@dataclass(frozen=True)
class QuotedFigure:
    """A figure quoted in a sentence: measure, as printed, value, line, and whether it is the
    report year's and exact (not 'sekitar ...')."""

    measure: str
    raw: str
    value: float
    line: int
    usable: bool


@dataclass(frozen=True)
class Statement:
    """An indicator sentence: the indicator's name as written, its line, its figures, and its
    text up to the last figure."""

    name: str
    line: int
    figures: dict[str, QuotedFigure]
    text: str = ""


def figure_year(text: str, start: int, end: int) -> int | None:
    """The year a figure at `start`..`end` of a statement belongs to: one named right after it
    (in the same clause), else the last one named before it; None if none is named."""
    after = re.split(r"[,.;]", text[end : end + YEAR_AFTER_SPAN], maxsplit=1)[0]
    named_after = YEAR_WORD.search(after)
    if named_after:
        return int(named_after.group(1))
    before = YEAR_WORD.findall(text[:start])
    return int(before[-1]) if before else None


def _statement_figures(
    text: str, offset: int, source: Passage, report_year: int
) -> tuple[dict[str, QuotedFigure], int]:
    """The first figure of each measure in a statement's `text` (starting at `offset`), and
    where the last of them ends."""
    masked = mask_years(text)
    figures: dict[str, QuotedFigure] = {}
    end = 0
    for measure, pattern in FIGURE_PATTERNS.items():
        match = pattern.search(masked)
        if match is None:
            continue
        raw, end_raw = text[match.start("raw") : match.end("raw")], match.end("raw")
        value = read_number(raw)
        if value is None:
            continue
        year = figure_year(text, match.start("raw"), match.end("raw"))
        exact = APPROXIMATE.search(match.group("gap")) is None
        figures[measure] = QuotedFigure(
            measure=measure,
            raw=raw + ("%" if measure == "capaian" or PERCENT_AFTER.match(text, end_raw) else ""),
            value=value,
            line=source.line_at(offset + match.start("raw")),
            usable=exact and year in (None, report_year),
        )
        end = max(end, match.end("raw"))
    return figures, end


def indicator_statements(
    source: Passage, report_year: int, table_lines: frozenset[int] = frozenset()
) -> list[Statement]:
    """Every 'Indikator <name> ... target ... realisasi ... capaian ...' sentence of a passage
    (figures on the lines of printed tables, `table_lines`, are table cells and left out)."""
    statements = []
    for start in STATEMENT_START.finditer(source.text):
        body_start = start.end()
        stop = STATEMENT_STOP.search(source.text, body_start, body_start + STATEMENT_SPAN)
        body_end = stop.start() if stop else body_start + STATEMENT_SPAN
        body = source.text[body_start:body_end]
        name_end = NAME_END.search(body)
        name = " ".join(body[: name_end.start() if name_end else 0].split())
        figures, end = _statement_figures(body, body_start, source, report_year)
        figures = {m: f for m, f in figures.items() if f.line not in table_lines}
        if name and figures:
            line = source.line_at(start.start())
            statements.append(Statement(name, line, figures, " ".join(body[:end].split())))
    return statements


def realisation_tables(results: pd.DataFrame, year: int, lines: Sequence[str] = ()) -> pd.DataFrame:
    """One row per printed indicator row of the realisation tables for `year`, with the line
    where the table starts (`table_line`: its heading in `lines`, else its first row)."""
    keys = ["source_table", "sasaran_no", "indicator_no", "indicator_name"]
    keys += ["indicator_id"] if "indicator_id" in results else []
    own = results[results["year"].fillna(year) == year]
    own = own[own["measure"].isin([*INDICATOR_MEASURES, "predikat"])]
    rows = spread_measures(own, keys)
    first = own.groupby("source_table")["source_line"].min().to_dict()
    for table, line in first.items():
        heading = find_heading(lines, table) if lines else None
        first[table] = heading if heading is not None and heading <= line else line
    rows["table_line"] = rows["source_table"].map(first)
    return rows


def nearest_table_rows(rows: pd.DataFrame, line: int) -> pd.DataFrame:
    """The rows of the last realisation table that starts at or before `line`."""
    before = rows[rows["table_line"] <= line]
    if before.empty:
        return before
    return before[before["table_line"] == before["table_line"].max()]


def _rows_by_table_line(rows: pd.DataFrame) -> dict[object, list[tuple[object, dict]]]:
    """The (index label, row) pairs of each realisation table, keyed by its `table_line`."""
    tables: dict[object, list[tuple[object, dict]]] = {}
    for label, row in zip(rows.index, rows.to_dict("records"), strict=True):
        if present(row["table_line"]):
            tables.setdefault(row["table_line"], []).append((label, row))
    return tables


def matching_row(statement: Statement, rows: pd.DataFrame) -> dict | None:
    """The table row whose indicator name clearly fits the statement's, if any."""
    labelled = zip(rows.index, rows.to_dict("records"), strict=True)
    return _matching_record(statement, list(labelled))


def _matching_record(statement: Statement, rows: list[tuple[object, dict]]) -> dict | None:
    """`matching_row` over (index label, row) pairs; ties go to the higher label."""
    scored = sorted(
        ((name_similarity(statement.name, row["indicator_name"]), i) for i, row in rows),
        reverse=True,
    )
    if not scored or scored[0][0] < NAME_MATCH_MIN:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < NAME_MATCH_MARGIN:
        return None
    best_label = scored[0][1]
    best = next(row for i, row in rows if i == best_label)
    others = [row["indicator_name"] for i, row in rows if i != best_label]
    if any(mentions(statement.text, name) for name in others if name != best["indicator_name"]):
        return None
    return dict(best)


def _capaian_values(target: float, realisasi: float, polarity: str | None) -> list[float]:
    """The capaian the figures give: the polarity's formula, or both when it is unknown."""
    polarities = [polarity] if polarity in ("higher", "lower") else ["higher", "lower"]
    values = [capaian_numeric(target, realisasi, p, max_ratio=None)[0] for p in polarities]
    return [v for v in values if v is not None]


def _row_capaian(row: dict, polarity: str | None) -> list[float]:
    if not (present(row.get("target")) and present(row.get("realisasi")) and row["target"]):
        return []
    return _capaian_values(float(row["target"]), float(row["realisasi"]), polarity)


def _indicator_identity(row: dict) -> dict[str, object]:
    return {
        "sasaran_no": as_int(row["sasaran_no"]),
        "indicator_no": printed_text(row["indicator_no"]),
        "indicator_id": printed_text(row.get("indicator_id")),
        "indicator_name": printed_text(row["indicator_name"]),
    }


def _unit(*raws: str) -> str | None:
    return PERCENT if any("%" in str(raw) for raw in raws) else None


def _figure_mismatch(figure: QuotedFigure, row: dict, polarity: str | None) -> Erratum | None:
    """A narrative figure that is not the table row's figure of the same measure."""
    measure = figure.measure
    table_value, table_raw = row.get(measure), row.get(f"{measure}_raw")
    if not (figure.usable and present(table_value) and isinstance(table_raw, str)):
        return None
    if agrees(figure.value, figure.raw, float(table_value), table_raw):
        return None
    if measure == "capaian" and any(
        agrees(figure.value, figure.raw, value, figure.raw) for value in _row_capaian(row, polarity)
    ):
        return None  # the table's own capaian is off; the capaian_formula check reports it
    gap = float(table_value) - figure.value
    unit = PERCENT if measure == "capaian" else _unit(figure.raw, table_raw)
    return Erratum(
        kind="narrative_mismatch",
        severity="high" if abs(gap) >= max(1.0, 0.01 * abs(float(table_value))) else "medium",
        source_table="Bab III",
        source_line=figure.line,
        item="narrative_vs_table",
        measure=measure,
        **_indicator_identity(row),
        printed=figure.raw,
        printed_value=figure.value,
        difference=gap,
        unit=unit,
        expected=table_raw,
        other_table=str(row["source_table"]),
        other_line=int(row[f"{measure}_line"]),
        other_printed=table_raw,
        other_value=float(table_value),
        affects=measure,
        effect="table_figures_used",
    )


def _same_as_table(statement: Statement, row: dict) -> bool:
    """Whether the statement's target, realisation and capaian are all the table row's."""
    for measure in INDICATOR_MEASURES:
        figure = statement.figures[measure]
        value, raw = row.get(measure), row.get(f"{measure}_raw")
        if not (present(value) and isinstance(raw, str)):
            return False
        if not agrees(figure.value, figure.raw, float(value), raw):
            return False
    return True


def _own_percent(statement: Statement, row: dict | None, polarity: str | None) -> Erratum | None:
    """A narrative capaian that its own target and realisation do not give.

    Both formulas are accepted (the question is the sentence's arithmetic, not the polarity).
    A sentence that repeats the table's three figures is left to the table's own check.
    """
    figures = statement.figures
    if not all(m in figures and figures[m].usable for m in INDICATOR_MEASURES):
        return None
    target, realisasi, capaian = (figures[m] for m in INDICATOR_MEASURES)
    if not target.value:
        return None
    expected = _capaian_values(target.value, realisasi.value, None)
    if any(agrees(capaian.value, capaian.raw, value, capaian.raw) for value in expected):
        return None
    if row is not None and _same_as_table(statement, row):
        return None
    gap, nearest = min((abs(value - capaian.value), value) for value in expected)
    identity = _indicator_identity(row) if row is not None else {"indicator_name": statement.name}
    return Erratum(
        kind="arithmetic_error",
        severity=severity_of_gap(gap),
        source_table="Bab III",
        source_line=capaian.line,
        item="narrative_percent",
        measure="capaian",
        **identity,
        printed=capaian.raw,
        printed_value=capaian.value,
        computed=expected[0],
        computed_alt=expected[1] if len(expected) > 1 else None,
        difference=nearest - capaian.value,
        unit=PERCENT,
        target_printed=target.raw,
        realisasi_printed=realisasi.raw,
        expected=polarity if polarity in ("higher", "lower") else "unknown",
        affects="capaian",
        effect="percent_recomputed",
    )


def audit_indicator_statements(
    statements: Sequence[Statement],
    rows: pd.DataFrame,
    polarity: dict[str, str] | None = None,
) -> list[Erratum]:
    """Each indicator sentence against its row in the nearest preceding realisation table
    (`realisation_tables`), and its capaian against its own target and realisation."""
    polarity = polarity or {}
    tables = _rows_by_table_line(rows)
    table_lines = sorted(tables)
    errata: list[Erratum] = []
    for statement in statements:
        at = bisect.bisect_right(table_lines, statement.line)
        nearest = tables[table_lines[at - 1]] if at else []
        row = _matching_record(statement, nearest)
        indicator_polarity = polarity.get(str(row.get("indicator_id") or "")) if row else None
        if row is not None:
            for figure in statement.figures.values():
                found = _figure_mismatch(figure, row, indicator_polarity)
                errata += [found] if found else []
        own = _own_percent(statement, row, indicator_polarity)
        errata += [own] if own else []
    return errata


# --- budget sentences ------------------------------------------------------------------------

BUDGET_MEASURES = ("anggaran", "realisasi", "persen")


def narrative_budget_rows(narrative: pd.DataFrame) -> pd.DataFrame:
    """One row per budget sentence (program and context), its figures side by side, with the
    program's normalised name (`program_key`) and which figures the parser found malformed
    (`malformed`, a set of measures)."""
    frame = narrative.assign(context=narrative["context"].fillna(""))
    notes = frame.get("parse_note", pd.Series("", index=frame.index)).fillna("")
    bad = frame[notes.str.contains("malformed", case=False)]
    wide = spread_measures(frame, ["program", "context"])
    malformed: dict[tuple[object, object], list[object]] = {}
    for program, context, measure in zip(
        bad["program"], bad["context"], bad["measure"], strict=True
    ):
        if present(program):
            malformed.setdefault((program, context), []).append(measure)
    wide["malformed"] = [
        frozenset(malformed.get((p, c), ()))
        for p, c in zip(wide["program"], wide["context"], strict=True)
    ]
    wide["program_key"] = wide["program"].map(normalise_program)
    line_columns = [f"{m}_line" for m in BUDGET_MEASURES if f"{m}_line" in wide]
    wide["first_line"] = wide[line_columns].min(axis=1)
    return wide.sort_values("first_line").reset_index(drop=True)


def _table_row_for(
    sentence: pd.Series,
    table: pd.DataFrame,
    pairs: dict,
    by_key: dict[object, list[int]] | None = None,
) -> pd.Series | None:
    """The budget table row a sentence's program clearly is: the only row of that program, or
    among several rows of it the one with the sentence's anggaran (`by_key`: the positions
    of the table's rows per `program_key`, from `_rows_by_program`)."""
    by_key = _rows_by_program(table) if by_key is None else by_key
    key = sentence["program_key"]
    key = key if key in by_key else pairs.get(key, (None,))[0]
    candidates = by_key.get(key, [])
    if len(candidates) == 1:
        return table.iloc[candidates[0]]
    if present(sentence.get("anggaran")):
        anggaran = table["anggaran"]
        same = [i for i in candidates if abs(anggaran.iloc[i] - sentence["anggaran"]) <= 0.5]
        if len(same) == 1:
            return table.iloc[same[0]]
    return None


def _rows_by_program(table: pd.DataFrame) -> dict[object, list[int]]:
    """The positions of a budget table's rows per `program_key` (missing keys left out)."""
    by_key: dict[object, list[int]] = {}
    for position, key in enumerate(table["program_key"]):
        if present(key):
            by_key.setdefault(key, []).append(position)
    return by_key


def _budget_identity(sentence: pd.Series, row: pd.Series | None) -> dict[str, object]:
    """The program as the sentence names it, and the budget row it was matched to."""
    identity: dict[str, object] = {
        "program": str(sentence["program"]),
        "anggaran": number_or_none(sentence.get("anggaran")),
        "realisasi": number_or_none(sentence.get("realisasi")),
    }
    if row is not None:
        identity |= {"row_seq": int(row["row_seq"]), "printed_no": printed_text(row["printed_no"])}
    return identity


def _budget_percent(sentence: pd.Series, row: pd.Series | None) -> list[Erratum]:
    """A sentence's % that is not its own realisasi / anggaran."""
    anggaran, realisasi, persen = (sentence.get(m) for m in BUDGET_MEASURES)
    if sentence["malformed"] or not (present(anggaran) and present(realisasi) and anggaran > 0):
        return []
    if not present(persen):
        return []
    raw = str(sentence["persen_raw"])
    computed = realisasi / anggaran * 100.0
    if agrees(float(persen), raw, computed, raw):
        return []
    return [
        Erratum(
            kind="arithmetic_error",
            severity=severity_of_gap(abs(computed - float(persen))),
            source_table="Bab III",
            source_line=int(sentence["persen_line"]),
            item="narrative_budget_percent",
            measure="persen",
            **_budget_identity(sentence, row),
            printed=raw,
            printed_value=float(persen),
            computed=computed,
            difference=computed - float(persen),
            unit=PERCENT,
            affects="serapan",
            effect="percent_recomputed",
        )
    ]


def _budget_mismatch(sentence: pd.Series, row: pd.Series, table: str) -> list[Erratum]:
    """One erratum for a sentence whose anggaran or realisasi is not the budget row's: at the
    first figure that differs, the others listed.

    The % is not compared: when the amounts agree, a % that differs is wrong either in the
    sentence (its own recomputation) or in the table (the row_percent check).
    """
    differing = []
    for measure in ("anggaran", "realisasi"):
        value, other = sentence.get(measure), row.get(measure)
        if measure in sentence["malformed"] or not (present(value) and present(other)):
            continue
        if abs(float(value) - float(other)) > 0.5:
            differing.append(measure)
    if not differing:
        return []
    first = differing[0]
    listing = [
        {
            "measure": measure,
            "source_line": int(sentence[f"{measure}_line"]),
            "printed": str(sentence[f"{measure}_raw"]),
            "other_line": int(row[f"{measure}_line"]),
            "other_printed": str(row[f"{measure}_raw"]),
        }
        for measure in differing
    ]
    return [
        Erratum(
            kind="narrative_mismatch",
            severity="high",
            source_table="Bab III",
            source_line=int(sentence[f"{first}_line"]),
            item="narrative_vs_budget",
            measure=first,
            **_budget_identity(sentence, row),
            printed=str(sentence[f"{first}_raw"]),
            printed_value=float(sentence[first]),
            difference=float(row[first]) - float(sentence[first]),
            unit=RUPIAH,
            expected=str(row[f"{first}_raw"]),
            other_table=table,
            other_line=int(row[f"{first}_line"]),
            other_printed=str(row[f"{first}_raw"]),
            other_value=float(row[first]),
            listing=json.dumps(listing, ensure_ascii=False),
            affects="anggaran",
            effect="table_figures_used",
        )
    ]


def audit_budget_statements(narrative: pd.DataFrame, budget: pd.DataFrame) -> list[Erratum]:
    """Budget sentences against the budget table's row of the same program; each sentence's %
    against its own realisasi / anggaran."""
    if narrative.empty:
        return []
    sentences = narrative_budget_rows(narrative)
    table = budget_rows(budget)
    name = table_name(budget, "budget table")
    own_keys, table_keys = set(sentences["program_key"]), set(table["program_key"])
    pairs = match_program_names(sorted(own_keys - table_keys), sorted(table_keys - own_keys))
    errata: list[Erratum] = []
    by_key = _rows_by_program(table)
    for _, sentence in sentences.iterrows():
        row = _table_row_for(sentence, table, pairs, by_key)
        if row is not None:
            errata += _budget_mismatch(sentence, row, name)
        errata += _budget_percent(sentence, row)
    return errata


# --- one source ------------------------------------------------------------------------------


TEXT_TABLES = ("budget_narrative", "reported_summary", "budget_totals")
"""Printed tables read from sentences, not from tables: their lines are narrative text."""


def printed_lines(tables: dict[str, pd.DataFrame]) -> frozenset[int]:
    """Every line holding a figure of a printed table (not of narrative text)."""
    lines: set[int] = set()
    for name, frame in tables.items():
        if name not in TEXT_TABLES and "source_line" in frame:
            lines.update(int(v) for v in frame["source_line"].dropna())
    return frozenset(lines)


def narrative_span(tables: dict[str, pd.DataFrame]) -> tuple[int, int] | None:
    """The lines of Bab III's evaluation text: after the summary table of results (or from the
    first realisation table) up to the budget table."""
    results = tables.get("lkjip_results")
    if results is None or results.empty:
        return None
    summary = tables.get("lkjip_result_summary")
    first = (
        int(summary["source_line"].max()) + 1
        if summary is not None and not summary.empty
        else int(results["source_line"].min())
    )
    budget = tables.get("lkjip_budget")
    last = int(budget["source_line"].min()) - 1 if budget is not None and not budget.empty else None
    last = last if last is not None and last > first else int(results["source_line"].max()) + 500
    return first, last


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Narrative figures of each LKjIP document of one source against its tables."""
    tables = model.printed[source_id]
    source = model.sources[source_id]
    errata: list[Erratum] = []
    if "budget_narrative" in tables and "lkjip_budget" in tables:
        errata += audit_budget_statements(tables["budget_narrative"], tables["lkjip_budget"])
    span = narrative_span(tables)
    if not source.lines or span is None:
        return errata
    indicators = model["indicators"]
    polarity = dict(zip(indicators["indicator_id"], indicators["polarity"], strict=True))
    values = model["indicator_values"]
    for document in source.origin.documents:
        if document.kind != "LKjIP":
            continue
        own = values[
            (values["source"] == source_id)
            & (values["document"] == document.id)
            & (values["printed_table"] == "lkjip_results")
        ]
        rows = realisation_tables(own, document.year, source.lines)
        text = passage(source.lines, *span)
        statements = indicator_statements(text, document.year, printed_lines(tables))
        errata += audit_indicator_statements(statements, rows, polarity)
    return errata
