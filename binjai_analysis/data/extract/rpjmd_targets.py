"""Extraction step of `rpjmd_targets`: the RPJMD targets table of an LKjIP (Tabel 2.4).

The table prints, per sasaran, one row per indicator with a target for each plan year (the
years are read from its header). `_rpjmd` reads the layout into rows; this module names each row,
reads its figures and writes the parse_notes that follow a rule: a unit printed with only some
figures, a figure or unit split over lines, a unit run together with its figure, a decimal mark
other than the table's usual one, an ambiguous `1.234`, a group label printed on the row-number
line, a repeated row number. Judgment the layout cannot supply (why an ambiguous figure reads as
it does, a garbled row, a bespoke note) comes from `extraction/rpjmd_targets.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationError

from binjai_analysis.data.extract import Extracted, Step, hints, printed_columns
from binjai_analysis.data.extract._rpjmd import Cell, Fragment, Layout, Row, read_layout
from binjai_analysis.data.parsing import normalise_whitespace, parse_figure
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

TABLE = "rpjmd_targets"
MEASURE = "target"
DOCUMENT_KIND = "LKjIP"
COLUMNS = printed_columns(TABLE)
SYMBOL_UNITS = frozenset({"m", "km", "%"})
"""Units written against their figure by convention (`294,02km`): no note when run together."""
NAME_UNIT = re.compile(r"\((%|[a-z]+)\)$")
"""A unit closing the indicator's name, e.g. '... Tol Medan-Binjai (m)'."""
AMBIGUOUS = re.compile(r"^\d{1,3}([.,])\d{3}$")
DEFAULT_REASON = "the table's usual style"


class IndicatorHint(BaseModel):
    """Hints for one indicator row, keyed by the source line of its first printed figure."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    first_figure_line: int
    why: str
    indicator_name: str | None = None
    year_positions: list[int] | None = None
    """For each printed figure, the plan year (1 = first) it is a target of."""
    parse_note: str | None = None
    """The note of every figure of the row (figure hints still override it)."""
    ambiguity_reason: str | None = None
    """Why an ambiguous figure of the row reads as it does (the parenthesis of its note)."""


class FigureHint(BaseModel):
    """A bespoke parse_note for one figure, keyed by its source line and raw string."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source_line: int
    raw: str
    why: str
    parse_note: str


class Hints(BaseModel):
    """The contents of `extraction/rpjmd_targets.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    indicators: list[IndicatorHint] = []
    figures: list[FigureHint] = []

    def indicator(self, first_figure_line: int) -> IndicatorHint | None:
        found = [h for h in self.indicators if h.first_figure_line == first_figure_line]
        return found[0] if found else None

    def expected(self, first_figure_line: int, years: int) -> int:
        """How many figures the row starting at `first_figure_line` prints."""
        hint = self.indicator(first_figure_line)
        return len(hint.year_positions) if hint and hint.year_positions else years


@dataclass
class Reading:
    """One output row before it becomes a frame record, and whether a hint shaped it."""

    record: dict
    curated: bool


def load_hints(source: Source) -> Hints:
    try:
        return Hints.model_validate(hints(source, TABLE))
    except ValidationError as exc:
        raise DataError(f"Hints of {TABLE} for {source.id} are not valid: {exc}") from exc


def lkjip_range(source: Source) -> tuple[int, int]:
    """The line range of the source's LKjIP document, where the table is printed."""
    for document in source.origin.documents:
        if document.kind == DOCUMENT_KIND and document.lines is not None:
            return document.lines
    raise DataError(f"Source {source.id} has no {DOCUMENT_KIND} document with a line range")


def assemble_name(fragments: Sequence[Fragment]) -> str:
    """An indicator's name from its printed pieces, as the printed tables spell it.

    Words cut at a line end join without a space; a word run into an acronym or a parenthesis
    is parted from it; the closing full stop goes.

    Examples:
        >>> assemble_name([Fragment("Angka Putus", 1), Fragment("SekolahSD/MI.", 2)])
        'Angka Putus Sekolah SD/MI'
        >>> assemble_name([Fragment("untuk pengembanga", 1, open_end=True), Fragment("n Moda", 3)])
        'untuk pengembangan Moda'
    """
    text = ""
    for index, fragment in enumerate(fragments):
        if index and not fragments[index - 1].open_end:
            text += " "
        text += fragment.text
    text = normalise_whitespace(text)
    text = re.sub(r"(?<=[a-z])(?=[A-Z]{2})", " ", text)
    text = re.sub(r"(?<=[A-Za-z])\(", " (", text)
    return text.rstrip(" .")


def compose(parts: Sequence[str]) -> str:
    """Note parts as one sentence: '; '-joined, later parts lower-cased, a final full stop.

    Examples:
        >>> compose(["Us style: x", "Figure split over lines: y"])
        'Us style: x; figure split over lines: y.'
        >>> compose([])
        ''
    """
    if not parts:
        return ""
    tail = [part[:1].lower() + part[1:] for part in parts[1:]]
    return "; ".join([parts[0], *tail]) + "."


def digits(raw: str) -> str:
    """The digits and separators of a figure: no ratio prefix, percent sign or spaces."""
    text = re.sub(r"^1\s*:\s*", "", raw)
    return text.replace("%", "").replace(" ", "")


def decimal_mark(text: str) -> str | None:
    """The decimal mark a figure's digits can only have; None if none or ambiguous."""
    if text.count(".") + text.count(",") != 1:
        return None
    mark = "." if "." in text else ","
    return None if AMBIGUOUS.match(text) else mark


def table_style(layout: Layout) -> str:
    """The table's usual number style: 'id' unless most unambiguous decimals use '.'."""
    marks = [
        decimal_mark(digits(" ".join(cell.pieces)))
        for row in layout.rows
        for cell in row.cells
        if cell.kind == "figure"
    ]
    return "us" if marks.count(".") > marks.count(",") else "id"


class RowReader:
    """Reads the rows of one layout into output records, applying the hints."""

    def __init__(self, layout: Layout, hints: Hints) -> None:
        self.layout = layout
        self.hints = hints
        self.style = table_style(layout)
        self.used: set[tuple[int, str]] = set()
        self.used_indicators: set[int] = set()
        by_sasaran: dict[int, list[Row]] = {}
        for row in layout.rows:
            by_sasaran.setdefault(row.sasaran, []).append(row)
        self.group_numbered = {
            sasaran for sasaran, rows in by_sasaran.items() if any(r.number is None for r in rows)
        }
        """Sections whose printed numbers belong to group labels, not to indicator rows."""

    def readings(self) -> list[Reading]:
        """Every figure of every row, in printed order; stale hints are an error."""
        out = [reading for row in self.layout.rows if row.cells for reading in self.read_row(row)]
        self.check_hints_used()
        return out

    def read_row(self, row: Row) -> list[Reading]:
        hint = self.hints.indicator(row.cells[0].start_line)
        if hint is not None:
            self.used_indicators.add(hint.first_figure_line)
        fragments, row_notes = self.name_fragments(row)
        name = assemble_name(fragments)
        unit = row_unit(row, name)
        years = self.cell_years(row, hint)
        with_unit = [year for cell, year in zip(row.cells, years, strict=True) if cell.unit]
        shared = {
            "sasaran_no": row.sasaran,
            "indicator_no": "" if row.sasaran in self.group_numbered else row.number or "",
            "indicator_name": hint.indicator_name if hint and hint.indicator_name else name,
            "unit": unit,
        }
        row_curated = bool(hint and (hint.indicator_name or hint.year_positions or hint.parse_note))
        readings = []
        for cell, year in zip(row.cells, years, strict=True):
            raw, line = cell_raw(cell)
            style = self.number_style(cell, raw)
            parts, reason_used = self.cell_notes(cell, raw, hint)
            if unit and not cell.unit and cell.kind != "missing" and with_unit:
                printed = ", ".join(str(y) for y in with_unit)
                parts.append(f"Unit '{unit}' printed only with the {printed} figure")
            note = hint.parse_note if hint and hint.parse_note else compose([*parts, *row_notes])
            curated = row_curated or reason_used
            figure = self.figure_hint(line, raw)
            if figure is not None:
                note, curated = figure.parse_note, True
            record = {
                **shared,
                "year": year,
                "measure": MEASURE,
                "source_table": self.layout.label,
                "source_line": line,
                "raw": raw,
                "number_style": style,
                "value": parse_figure(raw, style).value,
                "parse_note": note,
            }
            readings.append(Reading(record, curated))
        return readings

    def name_fragments(self, row: Row) -> tuple[list[Fragment], list[str]]:
        """The row's name pieces without a group label, and the row's own notes."""
        fragments = list(row.fragments)
        notes: list[str] = []
        on_number = [f for f in fragments if f.number_line]
        rest = [f for f in fragments if not f.number_line]
        if row.sasaran in self.group_numbered and on_number and rest:
            fragments = rest
        elif on_number and rest and on_number[-1].text.endswith("."):
            label = " ".join(f.text for f in on_number)
            notes.append(
                f"Row printed as '{row.number} {label}' then the indicator name; "
                f"'{label}' read as a group label"
            )
            fragments = rest
        if (
            row.sasaran not in self.group_numbered
            and row.number is not None
            and row.number == row.previous_number
        ):
            notes.append(
                f"Printed with number {row.number} again "
                f"(the previous row is also numbered {row.number})"
            )
        return fragments, notes

    def cell_years(self, row: Row, hint: IndicatorHint | None) -> list[int]:
        years = self.layout.years
        if hint and hint.year_positions:
            return [years[position - 1] for position in hint.year_positions]
        if len(row.cells) != len(years):
            raise DataError(
                f"{self.layout.label}: the row printed from line {row.cells[0].start_line} has "
                f"{len(row.cells)} figures for {len(years)} plan years; give its year_positions "
                "in the extraction hints"
            )
        return list(years)

    def number_style(self, cell: Cell, raw: str) -> str:
        if cell.kind != "figure":
            return "auto"
        mark = decimal_mark(digits(raw))
        usual = "," if self.style == "id" else "."
        if mark is not None and mark != usual:
            return "us" if mark == "." else "id"
        return self.style

    def cell_notes(
        self, cell: Cell, raw: str, hint: IndicatorHint | None
    ) -> tuple[list[str], bool]:
        """The rule-based note parts of one figure, and whether a hinted reason was used."""
        style = self.number_style(cell, raw)
        parts = printed_form_notes(cell, raw, style)
        if cell.kind == "figure" and style != self.style:
            mark, usual = (".", ",") if style == "us" else (",", ".")
            parts.append(
                f"{style.capitalize()} style: '{mark}' is the decimal mark here, "
                f"unlike the table's usual '{usual}'"
            )
        if len(cell.pieces) > 1 and cell.ratio_line is None:
            parts.append(split_note(cell.pieces))
        reason_used = False
        ambiguous = AMBIGUOUS.match(digits(raw)) if cell.kind == "figure" else None
        if ambiguous:
            mark = ambiguous[1]
            thousands = (mark == ".") == (style == "id")
            role = "thousands separator" if thousands else "decimal mark"
            reason = hint.ambiguity_reason if hint and hint.ambiguity_reason else DEFAULT_REASON
            reason_used = reason != DEFAULT_REASON
            parts.append(f"Ambiguous '{raw}': '{mark}' read as {role}, {style} style ({reason})")
        return parts, reason_used

    def figure_hint(self, line: int, raw: str) -> FigureHint | None:
        for hint in self.hints.figures:
            if (hint.source_line, hint.raw) == (line, raw):
                self.used.add((line, raw))
                return hint
        return None

    def check_hints_used(self) -> None:
        stale: list[BaseModel] = [
            h for h in self.hints.figures if (h.source_line, h.raw) not in self.used
        ]
        stale += [
            h for h in self.hints.indicators if h.first_figure_line not in self.used_indicators
        ]
        if stale:
            raise DataError(f"{TABLE} hints match no printed figure: {stale}")


def row_unit(row: Row, name: str) -> str:
    """The unit printed with the row's figures, else one closing its name ('... (m)')."""
    unit = next((cell.unit for cell in row.cells if cell.unit), "")
    named = NAME_UNIT.search(name)
    return unit or (named[1] if named else "")


def cell_raw(cell: Cell) -> tuple[str, int]:
    """The figure as printed (whitespace normalised) and the line where it starts.

    A '1:' printed on its own line joins a ratio's number when the number fits on one line;
    a number split over lines keeps only its pieces (the '1:' is named in the note).
    """
    raw = " ".join(cell.pieces)
    if cell.start_line != cell.line:
        raw = f"1: {raw}"
    return normalise_whitespace(raw), cell.start_line


def split_note(pieces: Sequence[str]) -> str:
    if list(pieces[1:]) == ["%"]:
        return "Figure split over lines: the '%' is printed on the next line"
    quoted = "' then '".join(pieces)
    return f"Figure split over lines: printed '{quoted}' on a later line"


def printed_form_notes(cell: Cell, raw: str, style: str) -> list[str]:
    """Notes on how the figure itself was printed: with its unit, a stray mark, a remark."""
    parts: list[str] = []
    if cell.ratio_line is not None and len(cell.pieces) > 1:
        quoted = "' / '".join(cell.pieces)
        parts.append(
            f"Ratio printed as '1:' (line {cell.ratio_line}) then '{quoted}' split over lines"
        )
        parts.append("Raw is the number after '1:'")
    attached = cell.attached
    if attached and attached not in SYMBOL_UNITS and "/" not in attached:
        if len(cell.token.pieces) == 1:
            parts.append(f"Printed run together with its unit as '{cell.token.text}'")
        else:
            quoted = "' / '".join(piece for piece, _ in cell.token.pieces)
            parts.append(f"Printed '{quoted}'")
    if cell.full_stop:
        parts.append(f"Printed '{cell.token.text}' with a trailing full stop")
    if raw.startswith("."):
        parts.append(f"Printed '{raw}' with a stray leading '.'")
    parser = parse_figure(raw, style).note if cell.kind == "figure" else ""
    if parser:
        parts.append(f"Parser: {parser}")
    if cell.remarks:
        remark = normalise_whitespace(" ".join(token.text for token in cell.remarks))
        lines = [line for token in cell.remarks for _, line in token.pieces]
        parts.append(f"Followed by '{remark}' printed at lines {min(lines)}-{max(lines)}")
    return parts


def run(source: Source) -> Extracted:
    """Regenerate `printed/rpjmd_targets.csv` of `source` from its text."""
    table_hints = load_hints(source)
    first, last = lkjip_range(source)
    try:
        layout = read_layout(source.lines, first, last, expected=table_hints.expected)
    except LookupError as exc:
        raise DataError(f"Source {source.id}: {exc}") from exc
    readings = RowReader(layout, table_hints).readings()
    frame = pd.DataFrame([reading.record for reading in readings], columns=COLUMNS)
    frame["year"] = frame["year"].astype("Int64")  # the schema's nullable year
    curated = pd.Series([reading.curated for reading in readings], index=frame.index, dtype=bool)
    return Extracted(frame, curated)


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Reads the LKjIP's RPJMD targets table (caption 'TARGET RENCANA KINERJA') row by row: "
        "indicator names, one target per plan year of the header, units and rule-based notes."
    ),
)
