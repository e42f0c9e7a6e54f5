"""Errors of the source that the curation notes already describe, turned into errata.

Parsing and curation leave free-text notes beside the figures (`parse_note` of every printed
table, the alias notes, the evidence of the program-to-sasaran links). Some of them explain a
normal reading ("'.' read as thousands separator"); others describe an error of the source: a
row printed twice, a number in another format than its table, a misprinted name or figure, a
figure that belongs to another row or year. The second kind becomes an erratum here, so that an
error seen once is never only a note. Errors another check already lists are left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from binjai_analysis.analysis.audit.erratum import (
    Erratum,
    number_or_none,
    present,
    printed_text,
)
from binjai_analysis.analysis.audit.malformed import _figure_identity
from binjai_analysis.data.model import DataModel

NOTE_COLUMNS = {"parse_note": "source_line", "evidence": "evidence_line"}
"""The free-text note columns of printed and curated tables, each with the column that holds
the line it is about."""

FIRST_PRINTING = re.compile(
    r"first printing|first of two printings|this row is the first|printed again (?:as|under)",
    re.IGNORECASE,
)
"""Notes on the first of two printings: the error (the repeat) is at the other printing, which
has a note of its own."""
NOT_AN_ERROR_HERE = re.compile(
    r"malformed|canonical name (?:keeps|has) the (?:\w+ )?typo|\bIKU \d{4} (?:spells|words|prints)"
    r"|\bPK \d{4} (?:prints|rewords|words)",
    re.IGNORECASE,
)
"""Clauses that are no erratum of this figure: a malformed number (`audit.malformed` lists
it), or a misprint at another place (the canonical list's own typo, the IKU's or the PK's
wording, which the note only compares with)."""

NOTE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (item, re.compile(pattern, re.IGNORECASE))
    for item, pattern in (
        (
            "note_misnumbered",
            r"printed twice as \d|\bnumber(?:ed)? [\w.,']+ again|repeats the previous row's\b|"
            r"\bnumber '[^']+' repeats|\(no row \d+\)|number printed as '[^']+' between|"
            r"numbering (?:jumps|repeats)",
        ),
        (
            "note_repeated_row",
            r"printed twice|second printing|\brepeats? (?:row|the row|line)|same name and "
            r"(?:the same )?figure|\brepeated (?:row|line|target|figure|block)s?\b|"
            r"\b(?:row|line|target|figure|block)s? (?:is |are |was |were )?(?:printed )?repeated"
            r"|duplicated? (?:row|line)s?",
        ),
        (
            "note_shifted_row",
            r"\bshifted\b|\bmoved (?:up|down)\b|off by one row|belongs? to the (?:next|previous) "
            r"row|belongs? to the row (?:above|below)",
        ),
        (
            "note_wrong_column",
            r"wrong column|misplaced column|(?:belongs?|meant) (?:in|to) the \w+ column|instead "
            r"of (?:in )?the \w+ column",
        ),
        (
            "note_misprinted_figure",
            r"digits? (?:were |was |are )?lost|lost (?:its |a |the |some )?(?:leading |trailing |"
            r"last )?digits?|misprinted (?:figure|number|value|target|realisasi|amount|capaian)|"
            r"(?:figure|number|value|target|realisasi|amount|capaian)s? (?:\w+ )?misprinted|"
            r"not a percentage|fits neither|\bnot the printed\b|\bdoubtful\b",
        ),
        (
            "note_wrong_target",
            r"is the RPJMD \d{4} .*\btarget, not the \d{4} one|differs from the RPJMD \d{4} target",
        ),
        ("note_misattributed_figure", r"plausibly either|\bare the .* figures of\b"),
        (
            "note_number_format",
            r"although the surrounding|unlike the table's|in an otherwise [\w-]+ table|"
            r"whole (?:second |first )?part of the table|(?:beside|next to) (?:it|\w+) "
            r"(?:is printed )?'",
        ),
        (
            "note_wrong_unit",
            r"\(sic, for an? |unit in the name printed|legend '[^']+',? but",
        ),
        (
            "note_misprinted_name",
            r"\btypos?\b|\(sic\)|misspel|misprint|\btruncated\b|is missing in print|"
            r"printed '[^']+' for '|'[^']+' printed for [A-Z]|\(presumably\b|"
            r"printed '[^'\d]+', read as",
        ),
    )
)
"""The vocabulary of errors the notes describe: each clause of a note is matched against these
patterns in order, the first match names its `item`."""

NOTE_ITEMS = {
    "note_misnumbered": ("renumbered_row", "low", {"renumbered_row"}),
    "note_repeated_row": ("duplicate_row", "medium", {"duplicate_row"}),
    "note_shifted_row": ("misplaced_figure", "medium", {"misplaced_figure"}),
    "note_wrong_column": ("misplaced_figure", "medium", {"misplaced_figure"}),
    "note_misprinted_figure": (
        "misprinted_number",
        "medium",
        {"misprinted_number", "malformed_number", "impossible_value", "reported_capaian_mismatch"},
    ),
    "note_wrong_target": ("misplaced_figure", "medium", {"conflicting_targets"}),
    "note_misattributed_figure": ("misplaced_figure", "medium", {"conflicting_targets"}),
    "note_number_format": ("inconsistent_format", "low", {"malformed_number"}),
    "note_wrong_unit": ("misprinted_label", "medium", {"misprinted_label"}),
    "note_misprinted_name": (
        "misprinted_label",
        "low",
        {"misprinted_label", "reported_predikat_mismatch"},
    ),
}
"""Per item: the erratum's kind, its severity, and the kinds of other checks' errata that
already list the same error at the same place (then the note adds nothing)."""
ROW_COVERING_KINDS = frozenset(
    {"duplicate_row", "renumbered_row", "conflicting_targets", "reported_capaian_mismatch"}
)
"""Kinds of errata about a row's figures together (a repeat, a number, an indicator's
targets, a capaian against its target and realisation): they cover notes on any figure of
that row. Errata of other kinds cover only their own figure."""
ROW_ITEMS = frozenset(
    {"note_misnumbered", "note_repeated_row", "note_misprinted_name", "note_misattributed_figure"}
)
"""Items about a printed row rather than one figure: the notes of a row's several figures (and
its alias) make one erratum."""
ROW_IDENTITY = ("row_seq", "printed_no", "program", "sasaran_no", "indicator_no", "indicator_name")
"""Columns that name a printed row."""
EXPLAINS = {"note_misattributed_figure": frozenset({"note_wrong_unit"})}
"""Errors that explain others on the same row: figures of another indicator come with that
indicator's unit, so the unit that does not fit the name is no error of its own."""
AFFECTED_BY_MEASURE = {
    "target": "target",
    "realisasi": "realisasi",
    "capaian": "capaian",
    "predikat": "predikat",
    "anggaran": "anggaran",
    "persen": "serapan",
}
"""The published figure (`erratum.AFFECTS`) a noted error of a figure changes, by measure."""
FIGURE_ITEMS = frozenset(
    {
        "note_repeated_row",
        "note_shifted_row",
        "note_wrong_column",
        "note_misprinted_figure",
        "note_wrong_target",
        "note_misattributed_figure",
    }
)
"""Items about a figure's value (the others are about labels, numbering or number format,
which change no figure)."""


def note_clauses(note: str) -> list[str]:
    """A note split into its clauses (at '; ' and at sentence ends).

    Examples:
        >>> note_clauses("Unit '%' printed only with 2016; printed with number 2 again.")
        ["Unit '%' printed only with 2016", 'printed with number 2 again.']
    """
    return [c.strip() for c in re.split(r";\s+|\.\s+(?=[A-Z])", note) if c.strip()]


def note_findings(note: object) -> list[tuple[str, str]]:
    """The errors a note describes: (item, clause) per error item (`NOTE_PATTERNS`), in order;
    [] for a note that only explains a normal reading.

    Examples:
        >>> note_findings("Sasaran_no inferred; printed with number 2 again.")
        [('note_misnumbered', 'printed with number 2 again.')]
    """
    if not isinstance(note, str) or not note.strip():
        return []
    return list(_findings(note))


@lru_cache(maxsize=4096)
def _findings(note: str) -> tuple[tuple[str, str], ...]:
    """`note_findings` of a note, read once per distinct note (many figures share one)."""
    if FIRST_PRINTING.search(note):
        return ()
    findings: dict[str, str] = {}
    for clause in note_clauses(note):
        if NOT_AN_ERROR_HERE.search(clause):
            continue
        item = next((item for item, pattern in NOTE_PATTERNS if pattern.search(clause)), None)
        if item is not None:
            findings.setdefault(item, clause)
    return tuple(findings.items())


def classify_note(note: object) -> list[str]:
    """The error items a note describes (see `note_findings`).

    Examples:
        >>> classify_note("Row printed twice: sub-rows c and d have the same name and figure")
        ['note_repeated_row']
        >>> classify_note("Ambiguous '3.000': '.' read as thousands separator, id style.")
        []
    """
    return [item for item, _ in note_findings(note)]


def table_at_line(tables: dict[str, pd.DataFrame], line: int) -> str | None:
    """The printed table (or passage) whose figures span `line` most narrowly."""
    best: tuple[int, str] | None = None
    for frame in tables.values():
        if not {"source_table", "source_line"} <= set(frame.columns):
            continue
        lines = pd.to_numeric(frame["source_line"], errors="coerce")
        for name, spans in lines.groupby(frame["source_table"]):
            if spans.min() <= line <= spans.max():
                width = int(spans.max() - spans.min())
                best = min(best, (width, str(name))) if best else (width, str(name))
    return best[1] if best else None


def noted_errors(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every figure or row whose note describes an error of the source: one record per item,
    with `printed_table`, `source_table`, `source_line`, `item`, `note`, the `clause` that
    names the error, and the row itself."""
    records = []
    for name, frame in tables.items():
        for column, line_column in NOTE_COLUMNS.items():
            if column not in frame or line_column not in frame:
                continue
            noted = [
                position
                for position, (note, line) in enumerate(
                    zip(frame[column], frame[line_column], strict=True)
                )
                if note_findings(note) and present(line)
            ]  # only the noted rows are read whole
            for row in frame.iloc[noted].to_dict("records"):
                findings = note_findings(row[column])
                line = int(row[line_column])
                table = row.get("source_table")
                place = {
                    "printed_table": name,
                    "source_table": table if present(table) else table_at_line(tables, line),
                    "source_line": line,
                    "note": row[column],
                }
                records += [{**row, **place, "item": i, "clause": c} for i, c in findings]
    columns = ["printed_table", "source_table", "source_line", "item", "note", "clause"]
    return pd.DataFrame(records, columns=None if records else columns)


def _normalised(text: str | None) -> str | None:
    """Text compared loosely: lower case, single spaces, no final full stop."""
    return None if text is None else " ".join(text.lower().split()).rstrip(".")


def _place_key(record: dict) -> tuple:
    """What makes two noted errors one: the printed row for row items, else the figure."""
    if record["item"] in ROW_ITEMS:
        identity = tuple(_normalised(printed_text(record.get(c))) for c in ROW_IDENTITY)
        if any(part is not None for part in identity):
            return (record["source_table"], record["item"], identity)
    return (record["source_table"], record["item"], record["source_line"])


def row_keys(fields: dict) -> set[tuple]:
    """The names of the row a figure or erratum is about, shared by all its figures: a budget
    row's `row_seq`, an indicator's id, its printed sasaran and number."""
    keys: set[tuple] = set()
    row_seq, indicator_id = printed_text(fields.get("row_seq")), fields.get("indicator_id")
    if row_seq is not None:
        keys.add(("row_seq", int(float(row_seq))))
    if printed_text(indicator_id) is not None:
        keys.add(("indicator_id", str(indicator_id)))
    sasaran = printed_text(fields.get("sasaran_no"))
    number = printed_text(fields.get("indicator_no"))
    if sasaran is not None and number is not None:
        keys.add(("indicator_no", int(float(sasaran)), number))
    return keys


def _row_fields(erratum: Erratum) -> dict[str, object]:
    """The fields of an erratum that `row_keys` reads (cheaper than `asdict`)."""
    return {field: getattr(erratum, field, None) for field in ROW_KEY_FIELDS}


ROW_KEY_FIELDS = ("row_seq", "indicator_id", "sasaran_no", "indicator_no")
"""The fields `row_keys` names a row by."""


def covered_places(errata: Iterable[Erratum], kinds: set[str]) -> set[tuple]:
    """Places the errata of `kinds` name: (table, line) of each, their listings included, and
    (table, row) for the row each is about (`row_keys`) when its kind is about a whole row
    (`ROW_COVERING_KINDS`)."""
    places: set[tuple] = set()
    for erratum in errata:
        if erratum.kind not in kinds:
            continue
        tables = {erratum.source_table}
        places.add((erratum.source_table, int(erratum.source_line)))
        for place in json.loads(erratum.listing or "[]"):
            if "source_table" in place and "source_line" in place:
                places.add((str(place["source_table"]), int(place["source_line"])))
                tables.add(str(place["source_table"]))
        if erratum.kind in ROW_COVERING_KINDS:
            places |= {(table, row) for table in tables for row in row_keys(_row_fields(erratum))}
    return places


def is_covered(record: dict, places: set[tuple]) -> bool:
    """Whether a noted error's figure or row is among `places` (`covered_places`)."""
    table = str(record["source_table"])
    if (table, int(record["source_line"])) in places:
        return True
    return any((table, row) in places for row in row_keys(record))


def _grouped(found: pd.DataFrame) -> list[list[dict]]:
    """Noted errors grouped: one group per place (`_place_key`), and the places of a table
    whose notes say the same (a format kept over many figures) in one group."""
    groups: dict[tuple, list[dict]] = {}
    for record in found.sort_values(["source_line"], kind="stable").to_dict("records"):
        key = _place_key(record)
        groups.setdefault(key, []).append(record)
    merged: dict[tuple, list[dict]] = {}
    for records in groups.values():
        first = records[0]
        if first["item"] in ROW_ITEMS:  # each row's error is its own, however worded
            key = _place_key(first)
        else:
            same = _normalised(str(first["clause"]))
            key = (first["printed_table"], first["source_table"], first["item"], same)
        merged.setdefault(key, []).extend(records)
    return sorted(merged.values(), key=lambda records: int(records[0]["source_line"]))


def _listing(records: Sequence[dict]) -> str | None:
    """The places of a group as a JSON list (None for a single place)."""
    places = list(dict.fromkeys((str(r["source_table"]), int(r["source_line"])) for r in records))
    if len(places) < 2:
        return None
    return json.dumps(
        [{"source_table": table, "source_line": line} for table, line in places],
        ensure_ascii=False,
    )


def _affects(record: dict) -> str:
    """The published figure a noted error changes (`erratum.AFFECTS`)."""
    if record["item"] not in FIGURE_ITEMS:
        return "none"
    measure = record.get("measure")
    if measure == "realisasi" and present(record.get("program")):
        return "serapan"
    return AFFECTED_BY_MEASURE.get(str(measure), "none")


def _note_erratum(records: Sequence[dict]) -> Erratum:
    first = records[0]
    kind, severity, _ = NOTE_ITEMS[first["item"]]
    raw = first.get("raw")
    return Erratum(
        kind=kind,
        severity=severity,
        source_table=str(first["source_table"]),
        source_line=int(first["source_line"]),
        item=first["item"],
        printed_table=str(first["printed_table"]),
        **_figure_identity(first),
        printed=str(raw) if present(raw) and str(raw).strip() else None,
        printed_value=number_or_none(first.get("value")),
        listing=_listing(records),
        affects=_affects(first),
        effect="read_as_noted",
    )


def _without_explained(found: pd.DataFrame) -> pd.DataFrame:
    """Noted errors less those another error of the same row explains (`EXPLAINS`)."""
    records = found.to_dict("records")
    explained = {
        (record["source_table"], row, other)
        for record in records
        for row in row_keys(record)
        for other in EXPLAINS.get(record["item"], ())
    }
    keep = [
        not any((r["source_table"], row, r["item"]) in explained for row in row_keys(r))
        for r in records
    ]
    return found[keep]


def audit_noted_errors(
    tables: dict[str, pd.DataFrame], existing: Sequence[Erratum] = ()
) -> list[Erratum]:
    """An erratum for every error of the source a note describes, unless an erratum of the
    other checks (`existing`) of an equivalent kind already names its place."""
    found = noted_errors(tables)
    if found.empty:
        return []
    found = _without_explained(found)
    errata = []
    covered_by_kinds: dict[frozenset[str], set[tuple]] = {}
    for records in _grouped(found):
        kinds = frozenset(NOTE_ITEMS[records[0]["item"]][2])
        if kinds not in covered_by_kinds:
            covered_by_kinds[kinds] = covered_places(existing, set(kinds))
        covered = covered_by_kinds[kinds]
        records = [record for record in records if not is_covered(record, covered)]
        if records:
            errata.append(_note_erratum(records))
    return errata


def check(
    model: DataModel, source_id: str, existing: Sequence[Erratum] | None = None
) -> list[Erratum]:
    """The noted errors of one source; `existing` are the other checks' errata (default: run
    them: `audit.family_errata`)."""
    if existing is None:
        from binjai_analysis.analysis.audit import family_errata

        existing = family_errata(model, source_id)
    return audit_noted_errors(model.printed[source_id], existing)
