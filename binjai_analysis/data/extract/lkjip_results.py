"""Extraction step: the LKjIP's per-sasaran result tables (`printed/lkjip_results.csv`).

Every LKjIP document of the source is searched for result tables (a `Tabel` heading naming a
sasaran, then a header with Target and Realisasi columns; see `_results`) and for charts
whose series are printed in the text. Each table row gives one printed row per cell: target,
realisasi, capaian and predikat, in the columns its header names. Units, number styles and
the parse_notes that follow a rule are made here; the hints file holds what the layout cannot
decide: the transcriber's note style of each table, and bespoke notes or unit readings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import pandas as pd

from binjai_analysis.data.extract import Extracted, Step, hints
from binjai_analysis.data.extract._results import (
    ANNOTATIONS,
    Cell,
    Chart,
    Layout,
    Row,
    assign_cells,
    capaian_fits,
    figure_digits,
    figure_value,
    find_charts,
    find_layouts,
    format_value,
    is_ambiguous,
    number_style,
    read_rows,
    row_name,
    truncated_predikat,
    unit_text,
)
from binjai_analysis.data.parsing import parse_figure
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

TABLE = "lkjip_results"
COLUMNS = [
    "sasaran_no", "indicator_no", "indicator_name", "unit", "year", "measure", "source_table",
    "source_line", "raw", "number_style", "value", "parse_note",
]  # fmt: skip
SENTENCE, FRAGMENT = "sentence", "fragment"
"""Note styles: capitalised sentences, with units left blank where the cell prints none
(the default); or lower-case fragments, with a realisasi taking its target's unit."""
HINT_FIELDS = ("indicator_name", "unit", "number_style", "note")
"""Fields of a printed row that a row hint may supply ('note' is the parse_note)."""
US_ID = ("us", "id")
NO_FOOTNOTE = "no footnote printed with the table"
BY_PRINT_ORDER = "columns assigned by print order"


@dataclass(frozen=True)
class Record:
    """One printed row of the table, before hints."""

    sasaran_no: int
    indicator_no: str
    indicator_name: str
    unit: str
    year: str
    measure: str
    source_table: str
    source_line: int
    raw: str
    number_style: str
    note: str

    def as_row(self) -> dict[str, object]:
        value = parse_figure(self.raw, self.number_style).value if self.number_style else None
        return {
            **{column: getattr(self, column) for column in COLUMNS[:-3]},
            "number_style": self.number_style,
            "value": value,
            "parse_note": self.note,
        }


class _Notes:
    """Units, number styles and rule-made parse_notes of one row's cells, in one note style."""

    def __init__(self, layout: Layout, row: Row, cells: dict[str, Cell], style: str) -> None:
        self.layout, self.row, self.cells, self.style = layout, row, cells, style
        target = cells.get("target")
        self.target_unit = self.printed_unit(target) if target is not None else ""

    def printed_unit(self, cell: Cell) -> str:
        """The unit printed with the cell: its unit words, else '%' or the Satuan column."""
        unit = unit_text(cell)
        if unit or cell.kind != "number":
            return unit
        if cell.raw.endswith("%"):
            return "%"
        return self.row.satuan if "satuan" in self.layout.columns else ""

    def style_of(self, measure: str, cell: Cell) -> str:
        """The number style: `number_style`, or 'us' for an ambiguous realisasi when only
        that reading agrees with the printed capaian."""
        if cell.kind in ("text", "dash", "category"):
            return "auto" if self.style == FRAGMENT else ""
        target = self.cells.get("target")
        if measure != "realisasi" or not is_ambiguous(cell.raw) or target is None:
            return number_style(cell.raw)
        target_value = figure_value(target.raw, number_style(target.raw))
        capaian = self.cells.get("capaian")
        fits = {s: capaian_fits(figure_value(cell.raw, s), target_value, capaian) for s in US_ID}
        return "us" if fits["us"] and not fits["id"] else "id"

    def unit_and_note(self, measure: str, cell: Cell) -> tuple[str, str]:
        """The cell's unit and its rule-made parse_note."""
        if measure in ("predikat", "unlabelled"):
            return "", self.predikat_note(cell) if measure == "predikat" else ""
        parser = self.malformed(measure, cell)
        if self.style == SENTENCE:
            unit, parts = self.sentence(measure, cell, self.printed_unit(cell))
            if parser:
                parts.append(f"Parser: {parser}.")
            return unit, " ".join(parts)
        unit, parts = self.fragment(measure, cell, self.printed_unit(cell))
        if parser:
            parts.append(f"parser: {parser}")
        return unit, "; ".join(parts)

    def malformed(self, measure: str, cell: Cell) -> str:
        """The parser's note when it read the cell as a malformed figure (a best reading)."""
        if cell.kind in ("text", "dash", "category"):
            return ""
        note = parse_figure(cell.raw, self.style_of(measure, cell)).note
        return note if "malformed" in note else ""

    def predikat_note(self, cell: Cell) -> str:
        full = truncated_predikat(cell.raw) if cell.kind == "text" else ""
        if not full or self.style != SENTENCE:
            return ""
        return f"Printed '{cell.raw}' (truncated '{full}')."

    def sentence(self, measure: str, cell: Cell, unit: str) -> tuple[str, list[str]]:
        """Sentence style: a cell printed without a unit keeps none, and the note says so."""
        parts = []
        if cell.kind == "dash":
            parts.append(self.dash_sentence(measure, cell))
        elif measure == "realisasi" and not unit and self.target_unit and cell.kind == "number":
            if self.target_unit == "%":
                target = self.cells["target"].raw
                parts.append(f"Realisasi printed '{cell.raw}' without '%' (target is '{target}').")
            else:
                parts.append(f"Realisasi printed without a unit (target is in {self.target_unit}).")
        elif (
            measure == "capaian"
            and not unit
            and cell.kind == "number"
            and not self.malformed(measure, cell)  # a malformed figure's note says how
        ):
            parts.append(f"Capaian printed '{cell.raw}' without '%'.")
        for token in cell.unit:
            if len(token.pieces) > 1:
                pieces = " + ".join(f"'{piece}'" for piece in token.pieces)
                parts.append(f"Unit printed split over lines as {pieces}.")
        if unit.count("(") > unit.count(")"):
            parts.append(f"Unit printed '{unit}' without the closing parenthesis.")
        for token in cell.annotations:
            meaning = ANNOTATIONS[token.text.strip("()").lower()]
            parts.append(
                f"The {measure} cell also prints '{token.text}' ({meaning}) below the figure, "
                f"on line {token.line}."
            )
        return unit, parts

    def dash_sentence(self, measure: str, cell: Cell) -> str:
        if cell.dashes_on_line == 2:
            dashes = [c for c in self.cells.values() if c.kind == "dash" and c.line == cell.line]
            order = "First" if dashes[0] is cell else "Second"
            return f"{order} of two dashes printed on the line, read as the {measure} cell."
        return f"Printed as '-': no {measure} figure."

    def fragment(self, measure: str, cell: Cell, unit: str) -> tuple[str, list[str]]:
        """Fragment style: a realisasi without a unit takes the target's; capaian is in %."""
        parts = []
        if cell.attached and not cell.unit:
            parts.append(f"printed '{cell.token}'")
        if cell.mark == "*":
            parts.append(f"printed '{cell.token}' with a trailing asterisk ({NO_FOOTNOTE})")
        if measure == "capaian":
            if cell.kind == "number" and not cell.raw.endswith("%"):
                label = self.layout.capaian_label
                label = label if label[0].isalpha() else f"'{label}'"
                parts.append(f"printed without '%' in the {label} column")
            return "%", parts
        if measure == "realisasi":
            unit = self.realisasi_unit(cell, unit, parts)
        if any(token.text == "(%)" and token.line > cell.line for token in cell.unit):
            parts.append("unit printed as '(%)' on a separate line below the figure")
        if (
            cell.kind == "number"
            and is_ambiguous(cell.raw)
            and self.style_of(measure, cell) == "id"
        ):
            parts.append(self.ambiguous(measure, cell, unit))
        dashes = [c for c in self.row.cells if c.kind == "dash"]
        if cell.kind == "dash" and len(dashes) == len(self.row.cells) == 2:
            columns = ", ".join(measure.capitalize() for measure in self.cells)
            parts.append(f"only two dashes printed in this row; {BY_PRINT_ORDER} ({columns})")
        if parts == [f"printed '{cell.token}'"]:
            parts[0] += " with the unit attached"
        return unit, parts

    def realisasi_unit(self, cell: Cell, unit: str, parts: list[str]) -> str:
        """A realisasi's unit in fragment style (the target's if none or a case variant is
        printed), adding the note part that says so to `parts`."""
        target_unit = self.target_unit
        if unit and unit != target_unit and unit.lower() == target_unit.lower():
            parts.append(f"unit printed '{unit}'")
            return target_unit
        if unit or not target_unit or cell.kind != "number":
            return unit or target_unit
        if parts:
            parts.append(f"without '%', unit {target_unit} as in the target cell")
        elif target_unit == "%":
            parts.append("printed without '%'; unit % as in the target cell")
        else:
            parts.append(f"printed without unit; {target_unit} as in the target cell")
        return target_unit

    def ambiguous(self, measure: str, cell: Cell, unit: str) -> str:
        """Why an ambiguous 'd.ddd' is read with '.' grouping thousands."""
        value = figure_value(cell.raw, "id")
        note = f"ambiguous '{figure_digits(cell.raw)}' read as {format_value(value)} {unit}"
        note += " ('.' as thousands separator)"
        target, capaian = self.cells.get("target"), self.cells.get("capaian")
        if measure == "realisasi" and target is not None:
            target_value = figure_value(target.raw, number_style(target.raw))
            if capaian is not None and capaian_fits(value, target_value, capaian):
                fraction = f"{format_value(value)}/{format_value(target_value)}"
                return f"{note}; printed capaian {capaian.raw} = {fraction}"
        return f"{note}, the table's id style"


def table_records(layout: Layout, rows: list[Row], style: str, year: str) -> list[Record]:
    """The printed rows of one result table, with units and notes in note style `style`."""
    records, parent = [], ""
    for row in rows:
        if not row.cells and row.predikat is None:
            parent = row.paragraphs()[-1].rstrip(".") if row.paragraphs() else ""
            continue
        name = row_name(row, parent)
        if name == row_name(row, ""):
            parent = ""
        cells = assign_cells(layout, row, name)
        notes = _Notes(layout, row, cells, style)
        for measure, cell in cells.items():
            unit, note = notes.unit_and_note(measure, cell)
            cell_year = "" if measure == "unlabelled" else year  # beyond the printed columns
            record = Record(
                layout.sasaran_no, row.number.rstrip("."), name, unit, cell_year, measure,
                layout.label, cell.line, cell.raw, notes.style_of(measure, cell), note,
            )  # fmt: skip
            records.append(record)
    return records


def chart_records(chart: Chart, sasaran_no: int) -> list[Record]:
    """The printed values of a chart: realisasi by year, the year given by position."""
    first, last = chart.years
    note = f"year assigned by position from the chart title 'Tahun {first}-{last}' "
    note += f"({last - first + 1} values)"
    if chart.axis_years and chart.axis_years != chart.years:
        note += f"; the chart's x-axis prints {chart.axis_years[0]}-{chart.axis_years[1]}"
    records = []
    for value in chart.values:
        name = f"{value.series[:1].upper()}{value.series[1:]} ({chart.subject})"
        record = Record(
            sasaran_no, "", name, "", str(value.year), "realisasi", chart.title, value.line,
            value.raw, number_style(value.raw), note,
        )  # fmt: skip
        records.append(record)
    return records


def _position(item: Layout | Chart) -> int:
    return item.body[0] if isinstance(item, Layout) else item.line


def read_records(source: Source, styles: dict[str, str] | None = None) -> list[Record]:
    """Every printed row of the source's LKjIP result tables and charts, in print order.

    `styles` maps a table label to its note style (default: `SENTENCE`).
    """
    styles = styles or {}
    records: list[Record] = []
    for document in source.origin.documents:
        if document.kind != "LKjIP" or document.lines is None:
            continue
        layouts = find_layouts(source.lines, *document.lines)
        charts = find_charts(source.lines, *document.lines)
        items = sorted([*layouts, *charts], key=_position)
        sasaran_no = 0
        for item in items:
            if isinstance(item, Layout):
                sasaran_no = item.sasaran_no
                rows = read_rows(source.lines, item)
                style = styles.get(item.label, SENTENCE)
                records += table_records(item, rows, style, str(document.year))
            elif sasaran_no:
                records += chart_records(item, sasaran_no)
    return records


def _styles(document: dict) -> dict[str, str]:
    """Table label -> note style, from the hints' `note_styles` (style -> list of labels)."""
    styles = {}
    for style, labels in (document.get("note_styles") or {}).items():
        if style not in (SENTENCE, FRAGMENT):
            raise DataError(f"{TABLE} hints: unknown note style {style!r}")
        styles |= dict.fromkeys(labels, style)
    return styles


def _overrides(document: dict, records: list[Record]) -> dict[tuple[int, str], dict]:
    """Row hints keyed by (source_line, measure), each naming the fields it supplies; a key
    must name one printed row."""
    printed = Counter((record.source_line, record.measure) for record in records)
    overrides = {}
    for hint in document.get("rows") or []:
        unknown = set(hint) - {"line", "measure", "raw", "why", *HINT_FIELDS}
        if unknown or "why" not in hint:
            raise DataError(f"{TABLE} hint {hint}: needs a 'why', may not set {sorted(unknown)}")
        key = (int(hint["line"]), str(hint["measure"]))
        if key in overrides or printed[key] > 1:
            raise DataError(f"{TABLE} hints: line {key[0]} {key[1]} is not one printed row")
        overrides[key] = hint
    return overrides


def _apply(record: Record, hint: dict) -> Record:
    if "raw" in hint and hint["raw"] != record.raw:
        raise DataError(
            f"{TABLE} hint for line {record.source_line} {record.measure} expects raw "
            f"{hint['raw']!r}, the text prints {record.raw!r}"
        )
    fields = {field: str(hint[field]) for field in HINT_FIELDS if field in hint}
    return replace(record, **fields)


def run(source: Source) -> Extracted:
    """Regenerate `lkjip_results`: read the tables and chart, then apply the curated hints.

    A row is curated when a row hint applies to it, or when its table's hinted note style
    gives it another unit, number style or note than the default style would.
    """
    document = hints(source, TABLE)
    styles = _styles(document)
    plain = read_records(source)
    styled = read_records(source, styles) if styles else plain
    overrides = _overrides(document, styled)
    rows, curated = [], []
    for base, record in zip(plain, styled, strict=True):
        hint = overrides.pop((record.source_line, record.measure), None)
        if hint is not None:
            record = _apply(record, hint)
        rows.append(record.as_row())
        curated.append(hint is not None or record != base)
    if overrides:
        raise DataError(f"{TABLE} hints match no printed row: {sorted(overrides)}")
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return Extracted(frame, pd.Series(curated, index=frame.index, dtype=bool))


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Reads the LKjIP's per-sasaran result tables (found by their 'Tabel' heading and a "
        "header naming Target and Realisasi) and the chart whose series are printed, one row "
        "per cell; the hints give each table's note style and the bespoke notes."
    ),
)
