"""The narrative's small count tables ('Tahun / Jumlah') against what the report says of them.

Bab III prints, between its paragraphs, small tables of a count by year (deaths, kelurahan,
doctors, the population: `year_counts`). The report uses the same counts three more ways, and
each must agree with the table:

- in its text: a count stated for a subject and a year ('Tahun 2018 terdapat 10 kasus
  kematian') is the table's count of that subject and year (`narrative_count`);
- as a rate per live births ('N kasus ... atau R/1000 KH', or an indicator's realisation per
  1000 KH beside the table's count): the count and the rate imply N · 1000 / R live births, a
  number the city's population can have; a rate of zero needs no case, and a case a rate above
  zero (`rate_of_count`);
- as the indicator it measures in the results tables of the report year: a ratio per
  population (1 : population / count) or a coverage of kelurahan (count / all kelurahan),
  recomputed from the counts (`realisasi_from_counts`).

Which subject a sentence or an indicator speaks of is read from the words of the subject's
name; years come from the text and the tables, never from code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from binjai_analysis.analysis.audit.erratum import (
    PERCENT,
    Erratum,
    as_int,
    present,
    printed_precision,
    printed_text,
)
from binjai_analysis.analysis.audit.narrative import (
    APPROXIMATE,
    NAME_MATCH_MARGIN,
    NAME_MATCH_MIN,
    NUMBER,
    Passage,
    figure_year,
    mask_years,
    name_similarity,
    name_tokens,
    passage,
    printed_lines,
)
from binjai_analysis.data.extract.year_counts import HEADER
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.parsing import parse_figure

# --- vocabulary ------------------------------------------------------------------------------

UNIT_CLASSES = {
    "persons": ("orang", "jiwa", "kasus", "penduduk"),
    "kelurahan": ("kelurahan", "desa"),
    "units": ("buah", "unit"),
}
"""Units that count the same things: a death is a person and a case ('3 orang', '3 kasus'),
a kelurahan is a village (desa)."""
GENERIC_WORDS = frozenset({"angka", "jumlah", "per", "dan", "atau", "di", "yang", "dari"})
"""Words of a subject's name that name no subject ('Angka Kematian Bayi' is about 'kematian
bayi'); the words of the source's region name are generic too."""
POPULATION_WORDS = frozenset({"penduduk"})
"""A subject counted in persons whose name has one of these words is the population."""
LIVE_BIRTHS = r"(?:KH\b|kelahiran\s+hidup)"
"""A rate's base unit of live births (kelahiran hidup)."""
STYLE = "id"
"""The narrative prints Indonesian figures (270.926 people)."""

MIN_BIRTHS_PER_1000, MAX_BIRTHS_PER_1000 = 4.0, 60.0
"""The crude birth rate (live births a year per 1000 residents) a whole city can have: the
lowest of any country is about 5 and the highest about 45. A rate and its count implying a
number of live births outside these bounds for the city's population cannot both be right."""
RELATIVE_TOLERANCE = 0.02
"""How far (a share of the printed figure) a ratio or coverage may lie from its recomputation
beyond the printed rounding: the counts may be of a slightly different date than the
indicator."""
ROUNDING_UNITS = 2.0
"""Half-units of the printed figure's last decimal allowed for rounding and truncation."""

REACH_BEFORE, REACH_AFTER = 40, 120
"""Lines before a count table (its introduction) and after it (its discussion) within which a
sentence may speak of the table's subject; the text has a blank line between lines."""
WORDS_AFTER = 2
"""Words after a count's unit that may name its subject ('10 kasus kematian')."""
MIN_JOINED_WORD = 4
"""Subject words of this many letters are also found run together with others
('kematianbayiatau')."""

UNIT_WORDS = {word: unit_class for unit_class, words in UNIT_CLASSES.items() for word in words}
COUNT = re.compile(
    rf"(?<![\d.,/])(?P<raw>{NUMBER})\s*(?P<unit>{'|'.join(UNIT_WORDS)})\b(?!\s*/)", re.I
)
"""A count with its unit ('10 kasus', '30 kelurahan'); never a rate ('5/1000 KH')."""
RATE = re.compile(
    rf"(?<![\d.,/])(?P<rate>{NUMBER})\s*/\s*(?P<base>{NUMBER})\s*{LIVE_BIRTHS}", re.IGNORECASE
)
"""A rate per live births ('5/1000 KH', '85/100.000 KH')."""
RATE_UNIT = re.compile(rf"/\s*(?P<base>{NUMBER})\s*{LIVE_BIRTHS}", re.IGNORECASE)
"""An indicator's unit per live births ('AKB/1000KH', 'AKI/100.000KH')."""
SENTENCE_END = re.compile(r"[.;!?](?=\s*[A-Z])")
"""Where a sentence ends: a stop before a capital ('KH.Capaian' was run together)."""
RATIO_NAME = re.compile(
    r"\brasio\s+(?P<what>.+?)\s+per\s+(?:satuan\s+|(?P<base>\d[\d.]*)\s+)?penduduk\b",
    re.IGNORECASE,
)
"""An indicator that is a ratio of a count to the population: 'Rasio dokter per satuan
penduduk' (printed 1 : n, n persons a doctor) or '... per 10.000 penduduk'."""
KELURAHAN_NAME = re.compile(r"\bkelurahan\b", re.IGNORECASE)
"""An indicator in percent naming kelurahan is a share of all kelurahan ('Cakupan kelurahan
UCI')."""
REPORT_BASES = ("lkjip_table", "lkjip_summary")
"""The results tables of the report year, whose realisations are checked."""


# --- the count tables ------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One printed count table: its subject, what its unit counts, the subject's words, its
    lines (from the subject line to the last row) and its rows by year."""

    subject: str
    unit_class: str | None
    words: frozenset[str]
    first_line: int
    last_line: int
    rows: dict[int, dict] = field(default_factory=dict)

    @property
    def is_population(self) -> bool:
        return self.unit_class == "persons" and bool(self.words & POPULATION_WORDS)

    def distance(self, line: int) -> int | None:
        """Lines from the table to `line`, or None when `line` is out of its reach."""
        if line < self.first_line - REACH_BEFORE or line > self.last_line + REACH_AFTER:
            return None
        return max(self.first_line - line, line - self.last_line, 0)


def unit_class(unit: object) -> str | None:
    """What a printed unit counts (`UNIT_CLASSES`), or None."""
    return UNIT_WORDS.get(str(unit or "").strip().lower())


def subject_words(subject: str, generic: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words of a subject's name that name it (not `GENERIC_WORDS` nor `generic`).

    Examples:
        >>> sorted(subject_words("Angka Kematian Bayi"))
        ['bayi', 'kematian']
        >>> sorted(subject_words("Jumlah Penduduk Kota Binjai", frozenset({"kota", "binjai"})))
        ['penduduk']
    """
    return frozenset(name_tokens(subject) - GENERIC_WORDS - generic)


def _block_start(lines: Sequence[str], first_row: int) -> int:
    """The subject line of the table whose first row is `first_row`: the first non-blank
    line before its 'Tahun Jumlah' header (the row itself when there is no header)."""
    number = first_row - 1
    while number > 0 and not lines[number - 1].strip():
        number -= 1
    if number < 1 or not HEADER.match(lines[number - 1]):
        return first_row
    number -= 1
    while number > 0 and not lines[number - 1].strip():
        number -= 1
    return max(number, 1)


def count_blocks(
    counts: pd.DataFrame, lines: Sequence[str] = (), generic: frozenset[str] = frozenset()
) -> list[Block]:
    """The count tables of `counts` (rows of `year_counts`), each run of rows of one subject
    in print order; `lines` (the source text) give each table's subject line."""
    ordered = counts[counts["value"].notna()].sort_values("source_line", kind="stable")
    blocks: list[Block] = []
    run: list[dict] = []
    for row in [*ordered.to_dict("records"), None]:
        if run and (row is None or row["subject"] != run[-1]["subject"]):
            first = int(run[0]["source_line"])
            start = _block_start(lines, first) if lines else first
            blocks.append(
                Block(
                    subject=str(run[0]["subject"]),
                    unit_class=unit_class(run[0]["unit"]),
                    words=subject_words(str(run[0]["subject"]), generic),
                    first_line=start,
                    last_line=int(run[-1]["source_line"]),
                    rows={int(r["year"]): r for r in run},
                )
            )
            run = []
        if row is not None:
            run.append(row)
    return blocks


def blank_blocks(lines: Sequence[str], blocks: Sequence[Block]) -> list[str]:
    """The text with every count table's lines blanked (the line numbers stay), so that a
    sentence interrupted by a table reads on."""
    text = list(lines)
    for block in blocks:
        for number in range(block.first_line, block.last_line + 1):
            text[number - 1] = ""
    return text


# --- sentences -------------------------------------------------------------------------------


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`."""
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def subject_hits(text: str, words: frozenset[str]) -> int:
    """How many of a subject's `words` `text` names (longer words also run together with
    others, as the text layer prints them)."""
    tokens = name_tokens(text)
    return sum(
        word in tokens or (len(word) >= MIN_JOINED_WORD and any(word in t for t in tokens))
        for word in words
    )


def _nearest(blocks: Sequence[Block], line: int, hits: Callable[[Block], int]) -> Block | None:
    """The block within reach of `line` whose words `hits` finds most, the nearest first."""
    scored = []
    for position, block in enumerate(blocks):
        distance = block.distance(line)
        found = hits(block)
        if distance is not None and found:
            scored.append((-found, distance, position))
    return blocks[min(scored)[2]] if scored else None


@dataclass(frozen=True)
class StatedCount:
    """A count the text states of a subject: as printed, its value, line, year and block."""

    raw: str
    value: float
    line: int
    year: int | None
    block: Block
    sentence: int
    """The index of its sentence (`sentences`)."""


def _count_subject(
    sentence: str, match: re.Match[str], previous_end: int, blocks: Sequence[Block], line: int
) -> Block | None:
    """The block a count speaks of: its subject named between the previous count of the
    sentence and this one, or in the words right after its unit ('10 kasus kematian')."""
    before = sentence[previous_end : match.start()]
    after = " ".join(sentence[match.end() :].split()[:WORDS_AFTER])
    kind = UNIT_WORDS[match.group("unit").lower()]
    candidates = [block for block in blocks if block.unit_class == kind]
    return _nearest(
        candidates, line, lambda b: subject_hits(before, b.words) or subject_hits(after, b.words)
    )


def stated_counts(
    text: Passage, blocks: Sequence[Block], skip_lines: frozenset[int] = frozenset()
) -> list[StatedCount]:
    """Every count the text states of a subject of `blocks` (not approximate, not on the lines
    of printed tables `skip_lines`)."""
    found = []
    for index, (start, end) in enumerate(sentences(text.text)):
        sentence = text.text[start:end]
        previous_end = 0
        for match in COUNT.finditer(mask_years(sentence)):
            line = text.line_at(start + match.start())
            gap = sentence[previous_end : match.start()]
            block = _count_subject(sentence, match, previous_end, blocks, line)
            previous_end = match.end()
            value = parse_figure(match.group("raw"), STYLE).value
            words_before = gap.split()[-2:]
            if block is None or value is None or line in skip_lines:
                continue
            if APPROXIMATE.search(" ".join(words_before)):
                continue
            year = figure_year(sentence, match.start(), match.end())
            raw = " ".join(match.group(0).split())
            found.append(StatedCount(raw, value, line, year, block, index))
    return found


# --- errata ----------------------------------------------------------------------------------


def same_count(value: float, other: float) -> bool:
    """Whether two counts are the same: counts of persons, cases or kelurahan are exact."""
    return abs(value - other) < 1e-9


def _other_years(block: Block, value: float, year: int) -> str | None:
    """The table's rows of other years with the stated count (the year it may belong to)."""
    rows = [
        {"year": int(y), "source_line": int(r["source_line"]), "printed": str(r["raw"])}
        for y, r in sorted(block.rows.items())
        if y != year and same_count(value, float(r["value"]))
    ]
    return json.dumps(rows, ensure_ascii=False) if rows else None


def subject_identities(blocks: Sequence[Block], rows: Sequence[dict]) -> dict[str, dict]:
    """The indicator each subject clearly is, among the results rows `rows` (its id, name and
    numbers), for the errata of the text; subjects of no indicator are left out."""
    identities: dict[str, dict] = {}
    for block in blocks:
        scored = sorted(
            (
                (name_similarity(block.subject, str(r.get("indicator_name") or "")), i)
                for i, r in enumerate(rows)
            ),
            reverse=True,
        )
        ids = {rows[i].get("indicator_id") for score, i in scored if score == scored[0][0]}
        if not scored or scored[0][0] < NAME_MATCH_MIN or len(ids) > 1:
            continue
        runner_up = next((sc for sc, i in scored if rows[i].get("indicator_id") not in ids), 0.0)
        if scored[0][0] - runner_up >= NAME_MATCH_MARGIN:
            identity = _row_identity(rows[scored[0][1]])
            identity["indicator_name"] = printed_text(rows[scored[0][1]].get("canonical_name"))
            identities[block.subject] = {k: identity[k] for k in IDENTITY_FIELDS}
    return identities


IDENTITY_FIELDS = ("sasaran_no", "indicator_no", "indicator_id", "indicator_name")


def audit_stated_counts(
    counts: Sequence[StatedCount], identities: dict[str, dict] | None = None
) -> list[Erratum]:
    """A count the text states for a subject and year that is not the table's count of that
    subject and year (counts of years the table does not print are not compared);
    `identities` name the indicator of each subject (`subject_identities`)."""
    identities = identities or {}
    errata = []
    for count in counts:
        row = count.block.rows.get(count.year) if count.year is not None else None
        if row is None or same_count(count.value, float(row["value"])):
            continue
        gap = float(row["value"]) - count.value
        errata.append(
            Erratum(
                kind="narrative_mismatch",
                severity="high",
                source_table=str(row["source_table"]),
                source_line=count.line,
                item="narrative_count",
                printed_table="year_counts",
                measure="jumlah",
                year=count.year,
                **(
                    {"indicator_name": count.block.subject}
                    | identities.get(count.block.subject, {})
                ),
                printed=count.raw,
                printed_value=count.value,
                difference=gap,
                expected=str(row["raw"]),
                other_table=str(row["source_table"]),
                other_line=int(row["source_line"]),
                other_printed=str(row["raw"]),
                other_value=float(row["value"]),
                listing=_other_years(count.block, count.value, count.year),
                affects="none",
                effect="table_figures_used",
            )
        )
    return errata


@dataclass(frozen=True)
class Rate:
    """A rate per live births with the count it is of: where it is printed, its figures, and
    the row of the count (`count_row`: a table row or the text's own count)."""

    source_table: str
    line: int
    raw: str
    value: float
    base: float
    count: float
    count_row: dict
    year: int
    subject: str
    identity: dict = field(default_factory=dict)


def implied_births(rate: Rate) -> tuple[float, float] | None:
    """The fewest and most live births the rate's count and its printed rate (up to its
    rounding) imply; None when the rate is zero."""
    half = printed_precision(rate.raw)
    if rate.value <= 0:
        return None
    low = rate.count * rate.base / (rate.value + half)
    high = rate.count * rate.base / (rate.value - half) if rate.value > half else float("inf")
    return low, high


def audit_rate(rate: Rate, population: dict | None) -> Erratum | None:
    """A rate of zero with cases, or cases without a rate (impossible); a rate and count
    whose live births the population cannot have (`MIN_BIRTHS_PER_1000`..`MAX_...`)."""
    births = implied_births(rate)
    fields: dict[str, object] = {}
    if births is None or rate.count == 0:
        if (births is None) == (rate.count == 0):
            return None
        kind, severity = "impossible_value", "high"
    else:
        if population is None or not present(population.get("value")):
            return None
        people = float(population["value"])
        per_1000 = [b / people * 1000 for b in births]
        if per_1000[1] >= MIN_BIRTHS_PER_1000 and per_1000[0] <= MAX_BIRTHS_PER_1000:
            return None
        kind, severity = "implausible_value", "high"
        exact = rate.count * rate.base / rate.value
        fields = {
            "computed": round(exact, 2),
            "computed_alt": round(exact / people * 1000, 4),
            "expected": f"{MIN_BIRTHS_PER_1000:g}-{MAX_BIRTHS_PER_1000:g}",
            "listing": json.dumps(
                [
                    {
                        "measure": "penduduk",
                        "source_table": str(population["source_table"]),
                        "source_line": int(population["source_line"]),
                        "printed": str(population["raw"]),
                    }
                ],
                ensure_ascii=False,
            ),
        }
    return Erratum(
        kind=kind,
        severity=severity,
        source_table=rate.source_table,
        source_line=rate.line,
        item="rate_of_count",
        year=rate.year,
        **({"indicator_name": rate.subject} | rate.identity),
        printed=rate.raw,
        printed_value=rate.value,
        other_table=str(rate.count_row["source_table"]),
        other_line=int(rate.count_row["source_line"]),
        other_printed=str(rate.count_row["raw"]),
        other_value=rate.count,
        **fields,
        affects="realisasi" if "printed_table" in rate.identity else "none",
        effect="flagged_for_review",
    )


def population_row(blocks: Sequence[Block], year: int) -> dict | None:
    """The population counted for `year`, else for the nearest year counted; None if none."""
    rows = [(y, r) for block in blocks if block.is_population for y, r in block.rows.items()]
    if not rows:
        return None
    return min(rows, key=lambda pair: (abs(pair[0] - year), -pair[0]))[1]


def stated_rates(
    text: Passage,
    blocks: Sequence[Block],
    counts: Sequence[StatedCount],
    skip_lines: frozenset[int] = frozenset(),
    identities: dict[str, dict] | None = None,
) -> list[Rate]:
    """Every rate per live births the text states of a subject of `blocks`, with its count:
    the sentence's own count of the subject for that year, else the table's (`identities`:
    the indicator of each subject)."""
    identities = identities or {}
    persons = [block for block in blocks if block.unit_class == "persons"]
    by_sentence: dict[int, list[StatedCount]] = {}
    for count in counts:
        by_sentence.setdefault(count.sentence, []).append(count)
    rates = []
    for index, (start, end) in enumerate(sentences(text.text)):
        sentence = text.text[start:end]
        for match in RATE.finditer(sentence):
            line = text.line_at(start + match.start())
            year = figure_year(sentence, match.start(), match.end())
            value = parse_figure(match.group("rate"), STYLE).value
            base = parse_figure(match.group("base"), STYLE).value
            if line in skip_lines or year is None or value is None or not base:
                continue
            own = [c for c in by_sentence.get(index, []) if c.line <= line and c.year == year]
            block = (
                own[-1].block
                if own
                else _nearest(persons, line, lambda b, s=sentence: subject_hits(s, b.words))
            )
            if block is None:
                continue
            if own:
                row = {"source_table": "Bab III", "source_line": own[-1].line, "raw": own[-1].raw}
                count = own[-1].value
            else:
                row = block.rows.get(year)
                if row is None:
                    continue
                count = float(row["value"])
            raw = " ".join(match.group(0).split())
            identity = identities.get(block.subject, {})
            rates.append(
                Rate("Bab III", line, raw, value, base, count, row, year, block.subject, identity)
            )
    return rates


# --- indicators computed from counts ---------------------------------------------------------


def _best_block(name: str, blocks: Sequence[Block], alternatives: bool = False) -> Block | None:
    """The block whose subject (or one of its '/' alternatives) clearly is `name`."""
    scored = []
    for position, block in enumerate(blocks):
        names = block.subject.split("/") if alternatives else [block.subject]
        scored.append((max(name_similarity(name, n) for n in names), position))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < NAME_MATCH_MIN:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < NAME_MATCH_MARGIN:
        return None
    return blocks[scored[0][1]]


def _row_identity(row: dict) -> dict[str, object]:
    return {
        "printed_table": printed_text(row.get("printed_table")),
        "measure": "realisasi",
        "sasaran_no": as_int(row["sasaran_no"]) if present(row.get("sasaran_no")) else None,
        "indicator_no": printed_text(row.get("indicator_no")),
        "indicator_id": printed_text(row.get("indicator_id")),
        "indicator_name": printed_text(row.get("indicator_name")),
    }


def _recomputed(
    row: dict, computed: float, expected: str, used: Sequence[dict], unit: str | None
) -> list[Erratum]:
    """A realisation that is not what the counts `used` give (`computed`); [] when it is."""
    value, raw = float(row["value"]), str(row["raw"])
    tolerance = ROUNDING_UNITS * printed_precision(raw) + RELATIVE_TOLERANCE * abs(value)
    if abs(computed - value) <= tolerance + 1e-9:
        return []
    count = used[0]
    places = [
        {
            "subject": str(r.get("subject", "")),
            "year": as_int(r["year"]) if present(r.get("year")) else None,
            "source_table": str(r["source_table"]),
            "source_line": int(r["source_line"]),
            "printed": str(r["raw"]),
        }
        for r in used
    ]
    far = abs(computed - value) > 0.1 * max(abs(computed), abs(value))
    erratum = Erratum(
        kind="conflicting_figures",
        severity="high" if far else "medium",
        source_table=str(row["source_table"]),
        source_line=int(row["source_line"]),
        item="realisasi_from_counts",
        year=as_int(row["year"]) if present(row.get("year")) else None,
        **_row_identity(row),
        printed=raw,
        printed_value=value,
        computed=round(computed, 4),
        difference=round(computed - value, 4),
        unit=unit,
        expected=expected,
        other_table=str(count["source_table"]),
        other_line=int(count["source_line"]),
        other_printed=str(count["raw"]),
        other_value=float(count["value"]),
        listing=json.dumps(places, ensure_ascii=False),
        affects="realisasi",
        effect="flagged_for_review",
    )
    return [erratum]


Reading = list[Erratum] | None
"""What a recomputation from counts finds in a realisation: None when the realisation is not
one it computes, else its errata ([] when the realisation agrees)."""


def _ratio(row: dict, name: str, blocks: Sequence[Block], year: int) -> Reading:
    """A ratio per population against population / count (or count / population · base)."""
    match = RATIO_NAME.search(name)
    if match is None:
        return None
    counted = [b for b in blocks if not b.is_population and b.unit_class is not None]
    block = _best_block(match.group("what"), counted, alternatives=True)
    count = block.rows.get(year) if block is not None else None
    people = population_row([b for b in blocks if b.is_population], year)
    if count is None or people is None or int(people["year"]) != year or not count["value"]:
        return None
    figure = parse_figure(str(row["raw"]))
    base = parse_figure(match.group("base"), STYLE).value if match.group("base") else None
    if base is None and figure.kind == "ratio":
        computed = float(people["value"]) / float(count["value"])
        expected = f"{people['raw']}/{count['raw']}"
    elif base is not None and figure.kind == "number":
        computed = float(count["value"]) / float(people["value"]) * base
        expected = f"{count['raw']}/{people['raw']}"
    else:
        return None
    return _recomputed(row, computed, expected, [count, people], None)


def _coverage(
    row: dict, name: str, blocks: Sequence[Block], year: int, kelurahan: int | None
) -> Reading:
    """A coverage of kelurahan against the kelurahan counted / all kelurahan."""
    units = " ".join(str(row.get(f) or "") for f in ("unit", "canonical_unit", "target_raw"))
    if not kelurahan or not KELURAHAN_NAME.search(name) or "%" not in units + str(row["raw"]):
        return None
    block = _best_block(name, [b for b in blocks if b.unit_class == "kelurahan"])
    count = block.rows.get(year) if block is not None else None
    if count is None:
        return None
    computed = float(count["value"]) / kelurahan * 100.0
    return _recomputed(row, computed, f"{count['raw']}/{kelurahan}", [count], PERCENT)


def _rate_of_row(row: dict, name: str, blocks: Sequence[Block], year: int) -> Rate | None:
    """An indicator's realisation per live births, with the table's count of its subject."""
    units = " ".join(str(row.get(f) or "") for f in ("unit", "canonical_unit", "target_unit"))
    unit = RATE_UNIT.search(units)
    if unit is None:
        return None
    base = parse_figure(unit.group("base"), STYLE).value
    block = _best_block(name, [b for b in blocks if b.unit_class == "persons"])
    count = block.rows.get(year) if block is not None else None
    if count is None or not base:
        return None
    return Rate(
        source_table=str(row["source_table"]),
        line=int(row["source_line"]),
        raw=str(row["raw"]),
        value=float(row["value"]),
        base=base,
        count=float(count["value"]),
        count_row=count,
        year=year,
        subject=block.subject,
        identity=_row_identity(row),
    )


def read_realisation(
    row: dict, name: str, blocks: Sequence[Block], year: int, kelurahan: int | None = None
) -> Reading:
    """A realisation read as the indicator `name` computed from the counts of `blocks`: a
    ratio per population, a coverage of kelurahan or a rate per live births."""
    found = _ratio(row, name, blocks, year)
    found = _coverage(row, name, blocks, year, kelurahan) if found is None else found
    if found is not None:
        return found
    rate = _rate_of_row(row, name, blocks, year)
    if rate is None:
        return None
    erratum = audit_rate(rate, population_row(blocks, year))
    return [erratum] if erratum else []


def realisation_rows(values: pd.DataFrame, indicators: pd.DataFrame, year: int) -> list[dict]:
    """The report year's printed realisations of the results tables (`REPORT_BASES`) of
    indicators the curation linked, with the indicator's name, unit and target unit."""
    linked = values["indicator_id"].map(printed_text).notna()
    own = values[values["basis"].isin(REPORT_BASES) & linked]
    own = own[own["year"].fillna(year) == year]
    names = dict(zip(indicators["indicator_id"], indicators["name"], strict=False))
    units = dict(zip(indicators["indicator_id"], indicators["unit"], strict=False))
    targets = own[own["measure"] == "target"]
    rows = []
    for row in own[own["measure"] == "realisasi"].to_dict("records"):
        if not present(row.get("value")):
            continue
        same = targets[
            (targets["source_table"] == row["source_table"])
            & (targets["indicator_id"] == row["indicator_id"])
        ]
        row["canonical_name"] = names.get(row["indicator_id"])
        row["canonical_unit"] = units.get(row["indicator_id"])
        row["target_unit"] = printed_text(same["unit"].iloc[0]) if len(same) else None
        row["target_raw"] = printed_text(same["raw"].iloc[0]) if len(same) else None
        rows.append(row)
    return rows


def audit_realisations(
    rows: Sequence[dict],
    blocks: Sequence[Block],
    year: int,
    kelurahan: int | None = None,
) -> list[Erratum]:
    """Each realisation computed from counts of `blocks` against its recomputation
    (`read_realisation`), read by its indicator's canonical name, else its printed name."""
    errata: list[Erratum] = []
    for row in rows:
        for name in (row.get("canonical_name"), row.get("indicator_name")):
            found = read_realisation(row, str(name), blocks, year, kelurahan) if name else None
            if found is not None:
                errata += found
                break
    return errata


# --- one source ------------------------------------------------------------------------------


def _region_words(model: DataModel, source_id: str) -> frozenset[str]:
    return frozenset(name_tokens(model.sources[source_id].origin.region.name))


def _kelurahan_count(model: DataModel, source_id: str, document: str) -> int | None:
    """How many kelurahan the source's profile table lists (its document's, if it has any)."""
    table = model["kelurahan"]
    own = table[table["source"] == source_id]
    same = own[own["document"] == document]
    rows = same if len(same) else own
    return len(rows.drop_duplicates(["kecamatan_id", "kelurahan"])) or None


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """The count tables of each LKjIP document of one source against its text and its
    results tables."""
    source = model.sources[source_id]
    counts = model["year_counts"]
    counts = counts[counts["source"] == source_id]
    if counts.empty:
        return []
    values = model["indicator_values"]
    values = values[values["source"] == source_id]
    skip = printed_lines(model.printed[source_id])
    generic = _region_words(model, source_id)
    errata: list[Erratum] = []
    for document in source.origin.documents:
        own = counts[counts["document"] == document.id]
        if document.kind != "LKjIP" or own.empty:
            continue
        blocks = count_blocks(own, source.lines, generic)
        rows = realisation_rows(
            values[values["document"] == document.id], model["indicators"], document.year
        )
        if source.lines and document.lines:
            identities = subject_identities(blocks, rows)
            text = passage(blank_blocks(source.lines, blocks), *document.lines)
            stated = stated_counts(text, blocks, skip)
            errata += audit_stated_counts(stated, identities)
            for rate in stated_rates(text, blocks, stated, skip, identities):
                found = audit_rate(rate, population_row(blocks, rate.year))
                errata += [found] if found else []
        kelurahan = _kelurahan_count(model, source_id, document.id)
        errata += audit_realisations(rows, blocks, document.year, kelurahan)
    return errata
