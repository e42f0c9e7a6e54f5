"""The PK's indicator targets: one row per indicator with its Satuan (unit) and Target.

The table is found by its column header (No / Sasaran Strategis / Indikator Kinerja / Satuan /
Target, printed whole or split over lines) inside the PK document and read up to the PK's
budget table. The text extraction prints the table as a stream: a sasaran number and name,
then per indicator its number, name, unit and target, with section headings in between.
Cells are told apart by the blank lines around them: a run of blank lines holding a line of
spaces separates two cells, a plain empty line only wraps a cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from binjai_analysis.data.extract import Extracted, Step, hints, printed_columns
from binjai_analysis.data.extract._pk import (
    Entry,
    apply_hints,
    budget_header_length,
    entries,
    furniture_length,
    pk_document,
    source_table,
)
from binjai_analysis.data.parsing import normalise_whitespace, parse_figure
from binjai_analysis.data.sources import Document, Source
from binjai_analysis.errors import DataError

TABLE = "pk_targets"
MEASURE = "target"
STYLE = "id"
"""The table prints Indonesian figures; a figure that cannot be Indonesian gets a note."""
COLUMNS = printed_columns(TABLE)
HEADER_WORDS = frozenset(
    {"No", "N", "o", "Sasaran", "Strategis", "Indikator", "Kinerja", "Satuan", "Target"}
)
"""Words of the column header; 'N' and 'o' because the extraction may split 'No'."""
HEADER_REQUIRED = frozenset({"Satuan", "Target"})
COLUMN_COUNT = 5
INDICATOR = re.compile(r"^(?P<no>\d{1,2}[.,]\d{1,2})(?P<dot>\.?)(?:\s+(?P<text>.*))?$")
SASARAN = re.compile(r"^(?P<no>\d+)(?:\s+(?P<text>\D.*))?$")
FIGURE = re.compile(r"^(?:-|1:[\d.,]+|\d+(?:[.,]\d+)*%?)$")
RATIO_START = re.compile(r"^1\s*:\s*(?P<n>[\d.,]*)$")
US_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")
AMBIGUOUS = re.compile(r"^\d{1,3}[.,]\d{3}$")


@dataclass(frozen=True)
class Line:
    """One non-blank line of the table and whether a cell break comes before it."""

    line: int
    text: str
    opens_cell: bool


@dataclass
class Pending:
    """An indicator being read: its printed number(s), its lines and which lines are targets."""

    sasaran: str
    numbers: list[tuple[str, int]]
    """Printed numbers with their lines; several when numbers are printed as a run, and
    ('', line) for an indicator printed without one."""
    lines: list[Line] = field(default_factory=list)
    targets: list[int] = field(default_factory=list)
    dash_unit: Line | None = None


@dataclass(frozen=True)
class TargetRow:
    """One indicator as read, before its figure is parsed."""

    sasaran_no: str
    indicator_no: str
    name: str
    unit: str
    line: int
    raw: str
    notes: tuple[str, ...] = ()


def header_length(items: list[Entry], index: int) -> int:
    """How many entries from `index` are the targets table's column header (0 if none).

    Examples:
        >>> rows = [Entry(1, "N"), Entry(2, "o"), Entry(3, "Sasaran Strategis Satuan"),
        ...         Entry(4, "Target"), Entry(5, "2 3 4 5"), Entry(6, "7.1.")]
        >>> header_length(rows, 0)
        5
    """
    words: set[str] = set()
    length = 0
    while index + length < len(items):
        line_words = items[index + length].text.split()
        if not set(line_words) <= HEADER_WORDS:
            break
        if length == 0 and line_words[0] not in {"No", "N"}:
            return 0
        words |= set(line_words)
        length += 1
    if not words >= HEADER_REQUIRED:
        return 0
    if index + length < len(items) and is_column_numbering(items[index + length].text):
        length += 1
    return length


def is_column_numbering(text: str) -> bool:
    """Whether `text` is the header's column numbering, e.g. '1 2 3 4 5' (or a tail of it)."""
    parts = text.split()
    if len(parts) < 2 or not all(part.isdigit() for part in parts):
        return False
    numbers = [int(part) for part in parts]
    consecutive = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    return consecutive and numbers[-1] <= COLUMN_COUNT


def table_lines(source: Source, document: Document) -> list[Line]:
    """The table's lines from its first header to the budget table, without page furniture."""
    items = entries(source, document)
    start = next((i for i in range(len(items)) if header_length(items, i)), None)
    if start is None:
        raise DataError(f"No PK targets table (header ... Satuan Target) in {document.id}")
    lines: list[Line] = []
    index, after_skip, previous = start, True, items[start].line
    while index < len(items) and not budget_header_length(items, index):
        skip = header_length(items, index) or furniture_length(items, index, source, document)
        if skip:
            index += skip
            after_skip = True
            previous = items[index - 1].line
            continue
        entry = items[index]
        gap = source.lines[previous : entry.line - 1]
        opens = after_skip or any(text and not text.strip() for text in gap)
        lines.append(Line(entry.line, entry.text, opens))
        index, after_skip, previous = index + 1, False, entry.line
    return lines


def cells(lines: list[Line]) -> list[list[Line]]:
    """Group lines into cells (the first line always opens one)."""
    grouped: list[list[Line]] = []
    for line in lines:
        if line.opens_cell or not grouped:
            grouped.append([line])
        else:
            grouped[-1].append(line)
    return grouped


def join_text(lines: list[Line]) -> str:
    """A cell's text: lines joined by spaces, a number wrapped at its '.' rejoined, a lone '.'
    put back on its word, and the closing '.' dropped.

    Examples:
        >>> join_text([Line(1, "AKI/100.", False), Line(2, "000KH", False)])
        'AKI/100.000KH'
        >>> join_text([Line(1, "per", False), Line(2, "penduduk", False), Line(3, ".", False)])
        'per penduduk'
    """
    text = ""
    for line in lines:
        piece = line.text
        if (re.search(r"\d\.$", text) and piece[:1].isdigit()) or piece.startswith("."):
            text += piece
        else:
            text = f"{text} {piece}" if text else piece
    return normalise_whitespace(text).removesuffix(".").strip()


def last_token(line: Line) -> str:
    return line.text.split()[-1]


def is_figure(line: Line) -> bool:
    """Whether the line ends with a target figure (a number, a '1:n' ratio or a dash)."""
    return bool(FIGURE.match(last_token(line)))


def sasaran_of(number: str) -> int:
    """The sasaran an indicator number belongs to by its prefix ('4.10' -> 4)."""
    return int(re.split(r"[.,]", number)[0])


class Reader:
    """Walk the table's lines, tracking the sasaran and the indicator being read."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.sasaran = 0
        self.buffer: list[Line] = []
        self.current: Pending | None = None
        self.rows: list[TargetRow] = []

    def read(self) -> list[TargetRow]:
        for index, line in enumerate(self.lines):
            following = self.lines[index + 1] if index + 1 < len(self.lines) else None
            self.step(line, line.opens_cell or self.ends_cell(following))
        if self.current is not None:
            self.finish()
        return self.rows

    def ends_cell(self, following: Line | None) -> bool:
        """Whether the line before `following` is the last of its cell."""
        if following is None or following.opens_cell or INDICATOR.match(following.text):
            return True
        return self.sasaran_number(following) is not None

    def sasaran_number(self, line: Line) -> int | None:
        """The sasaran a line opens (this one repeated on a new page, or the next), if any."""
        sasaran = SASARAN.match(line.text)
        if sasaran and int(sasaran["no"]) in {self.sasaran, self.sasaran + 1}:
            return int(sasaran["no"])
        return None

    def step(self, line: Line, final: bool) -> None:
        """Read one line; `final` when it is the last line of its cell."""
        current = self.current
        if current is not None and len(current.targets) == len(current.numbers):
            if self.is_dash_unit(current, line, final):
                current.dash_unit = current.lines[current.targets[0]]
                current.lines.append(line)
                current.targets = [len(current.lines) - 1]
                return
            self.finish()
        if self.current is None:
            self.between(line, final)
        else:
            self.in_record(line, final)

    def is_dash_unit(self, current: Pending, line: Line, final: bool) -> bool:
        """A '-' read as a target, then another figure: the '-' was the Satuan cell."""
        dash = current.lines[current.targets[0]]
        return (
            len(current.numbers) == 1
            and dash.text == "-"
            and current.dash_unit is None
            and final
            and line.text.isdigit()
            and self.sasaran_number(line) is None
        )

    def start(self, number: str, line: Line, text: str | None) -> None:
        self.current = Pending(str(self.sasaran), [(number, line.line)])
        if text:
            self.current.lines.append(Line(line.line, text, True))
        self.buffer = []

    def between(self, line: Line, final: bool) -> None:
        """A line between indicators: a sasaran, an indicator's number, a heading, or the
        target of an indicator printed without a number."""
        sasaran = self.sasaran_number(line)
        if sasaran is not None and (not self.buffer or not line.text.isdigit()):
            self.sasaran, self.buffer = sasaran, []
            return
        indicator = INDICATOR.match(line.text)
        if indicator and (
            indicator["text"] or indicator["dot"] or sasaran_of(indicator["no"]) == self.sasaran
        ):
            self.start(indicator["no"], line, indicator["text"])
            return
        if final and is_figure(line) and self.buffer:
            self.current = Pending(str(self.sasaran), [("", line.line)], [*self.buffer, line])
            self.current.targets = [len(self.current.lines) - 1]
            self.buffer = []
            return
        self.buffer.append(line)

    def in_record(self, line: Line, final: bool) -> None:
        """A line of the indicator being read: another number of a run, the next indicator,
        its name or unit, or its target (a figure ending a cell)."""
        current = self.current
        assert current is not None
        indicator = INDICATOR.match(line.text)
        if indicator and not current.lines:
            current.numbers.append((indicator["no"], line.line))
            return
        if indicator and (indicator["text"] or indicator["dot"] or not final):
            self.finish()
            self.start(indicator["no"], line, indicator["text"])
            return
        current.lines.append(line)
        if final and is_figure(line):
            current.targets.append(len(current.lines) - 1)

    def finish(self) -> None:
        current = self.current
        assert current is not None
        self.current = None
        if not current.targets:
            self.rows.append(category_row(current))
        elif len(current.numbers) > 1:
            self.rows.extend(run_rows(current))
        else:
            self.rows.append(single_row(current))


def category_row(current: Pending) -> TargetRow:
    """An indicator whose target is a category (e.g. 'WTP'): its last line, unit before it."""
    if len(current.lines) < 2:
        raise DataError(f"Indicator {current.numbers[0][0]}: no unit and target found")
    *name, unit, target = current.lines
    number = current.numbers[0][0]
    return TargetRow(
        current.sasaran, number, join_text(name), join_text([unit]), target.line, target.text
    )


def single_row(current: Pending) -> TargetRow:
    """Split an indicator's lines into name, unit and target, noting what needed reading."""
    before, target, raw, notes = split_target(current.lines, current.targets[0])
    unit, name_lines = split_unit(before, target, raw)
    name, heading = name_and_heading(name_lines)
    number = current.numbers[0][0]
    if heading and number:
        notes.append(f"'{heading}' is printed before the name; read as a heading, left out.")
    if unit and name.endswith(f".{unit}"):
        notes.append(
            f"The name cell is printed ending '{name.split()[-1]}'; the stray '{unit}' is left "
            "out of the name, the unit is the Satuan cell."
        )
        name = name.removesuffix(unit).removesuffix(".").strip()
    if current.dash_unit is not None:
        notes.append(
            f"The Satuan cell is printed as '-' (line {current.dash_unit.line}); "
            f"the target is the '{raw}' after it."
        )
    return TargetRow(current.sasaran, number, name, unit, target.line, raw, tuple(notes))


def split_target(lines: list[Line], index: int) -> tuple[list[Line], Line, str, list[str]]:
    """The lines before the target, the line it starts on, its raw string and notes.

    A '1:n' ratio wrapped after its ':' part starts on the line before; raw is its n part.
    """
    target, before = lines[index], lines[:index]
    raw = last_token(target)
    wrapped = RATIO_START.match(before[-1].text) if before and not target.opens_cell else None
    if wrapped is None or len(target.text.split()) > 1:
        return before, target, raw, []
    note = f"Ratio printed '{wrapped.string}' / '{target.text}' over two lines; raw is its n part."
    return before[:-1], before[-1], normalise_whitespace(f"{wrapped['n']} {raw}"), [note]


def split_unit(before: list[Line], target: Line, raw: str) -> tuple[str, list[Line]]:
    """The unit and the name's lines, from the lines before the target.

    The unit is printed before the target on its line, or is the cell before the target's;
    when name and unit share one cell, the unit is its last line.
    """
    # A wrapped ratio's first line holds only the figure's start: no unit on it.
    head = target.text.split()[:-1] if target.text.endswith(raw) else []
    if head:
        return " ".join(head), before
    grouped = cells(before)
    if target.opens_cell and len(grouped) > 1:
        return join_text(grouped[-1]), [line for cell in grouped[:-1] for line in cell]
    if not before:
        raise DataError(f"Line {target.line}: a target with no unit or name before it")
    return join_text([before[-1]]), before[:-1]


def name_and_heading(lines: list[Line]) -> tuple[str, str]:
    """The name and any heading printed before it in the name column (its earlier cells)."""
    grouped = cells(lines)
    if not grouped:
        return "", ""
    return join_text(grouped[-1]), join_text([line for cell in grouped[:-1] for line in cell])


def run_rows(current: Pending) -> list[TargetRow]:
    """Indicators whose numbers, names, units and targets are printed as separate runs."""
    count = len(current.numbers)
    targets = [current.lines[i] for i in current.targets]
    others = cells([line for i, line in enumerate(current.lines) if i not in current.targets])
    if len(others) != 2 * count:
        raise DataError(f"Indicators {current.numbers}: {len(others)} cells for {count} rows")
    numbers = [number for number, _ in current.numbers]
    listed = ", ".join(numbers[:-1]) + f" and {numbers[-1]}"
    note = (
        f"Numbers, names, units and targets of {listed} are printed as separate runs "
        f"(lines {current.numbers[0][1]}-{targets[-1].line}); paired in printed order."
    )
    return [
        TargetRow(
            current.sasaran,
            numbers[i],
            join_text(others[i]),
            join_text(others[count + i]),
            targets[i].line,
            last_token(targets[i]),
            (note,),
        )
        for i in range(count)
    ]


def number_notes(rows: list[TargetRow], index: int) -> list[str]:
    """Notes on an indicator's printed number: a comma, another sasaran's prefix, none."""
    row = rows[index]
    number = row.indicator_no
    if not number:
        return ["Indicator printed without a number."]
    notes = []
    if "," in number:
        notes.append(f"Indicator number printed as '{number}' (comma), kept as printed.")
    if str(sasaran_of(number)) != row.sasaran_no:
        before = rows[index - 1].indicator_no if index > 0 else "the start"
        after = rows[index + 1].indicator_no if index + 1 < len(rows) else "the end"
        notes.append(
            f"Indicator number printed as '{number}' between {before} and {after}, kept as printed."
        )
    return notes


def read_target(raw: str) -> tuple[str, float | None, list[str]]:
    """Read a target in the table's style: (number style, value, notes on the reading)."""
    if raw == "-":
        return STYLE, None, ["Target printed as '-' (no figure)."]
    if US_DECIMAL.match(raw):
        value = parse_figure(raw, "us").value
        note = (
            "Printed with '.' as the decimal mark in an otherwise Indonesian-style table; "
            f"read as US style ({value})."
        )
        return "us", value, [note]
    value = parse_figure(raw, STYLE).value
    if AMBIGUOUS.match(raw):
        return STYLE, value, [f"'{raw}' is ambiguous: read in the table's style ({value})."]
    return STYLE, value, []


REPEAT_KEY = ["sasaran_no", "indicator_no", "name_key"]
"""What makes a row a repeat of an earlier one: the same sasaran, indicator number and name
(the name compared without case, spacing or a closing '.'). A page break can print a run of
rows again under the repeated header; a naive sum would count such rows twice."""


def name_key(name: str) -> str:
    """An indicator name reduced for comparing printings: case, spacing and a final '.' go.

    Examples:
        >>> name_key("Persentase rumah  tinggal bersanitasi.")
        'persentase rumah tinggal bersanitasi'
    """
    return normalise_whitespace(name).rstrip(".").strip().casefold()


def repeat_notes(frame: pd.DataFrame) -> pd.Series:
    """Per row, a note when it repeats an earlier row (`REPEAT_KEY`), else ''."""
    keyed = frame.assign(name_key=frame["indicator_name"].map(name_key))
    first = keyed.groupby(REPEAT_KEY, sort=False).head(1)
    firsts = first.set_index(REPEAT_KEY)[["source_line", "raw"]]
    notes = pd.Series("", index=frame.index)
    for index in keyed.index.difference(first.index):
        row = keyed.loc[index]
        line, raw = firsts.loc[tuple(row[REPEAT_KEY])]
        if raw == row["raw"]:
            notes[index] = (
                f"Printed twice (repeat of line {line}: same sasaran, number, name and target "
                f"'{raw}'); kept as printed."
            )
        else:
            notes[index] = (
                f"Printed twice (repeat of line {line}: same sasaran, number and name) with a "
                f"different value: '{raw}' at line {line}, '{row['raw']}' here; kept as printed."
            )
    return notes


def run(source: Source) -> Extracted:
    """Regenerate the PK targets table of `source`."""
    document = pk_document(source)
    rows = Reader(table_lines(source, document)).read()
    records = []
    for index, row in enumerate(rows):
        style, value, figure_notes = read_target(row.raw)
        notes = [*row.notes, *number_notes(rows, index), *figure_notes]
        records.append(
            {
                "sasaran_no": row.sasaran_no,
                "indicator_no": row.indicator_no,
                "indicator_name": row.name,
                "unit": row.unit,
                "year": document.year,
                "measure": MEASURE,
                "source_table": source_table(document),
                "source_line": row.line,
                "raw": row.raw,
                "number_style": style,
                "value": value,
                "parse_note": " ".join(notes),
            }
        )
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    curated = apply_hints(frame, hints(source, TABLE), TABLE)
    repeats = repeat_notes(frame)
    frame["parse_note"] = [
        " ".join(filter(None, [note, repeat]))
        for note, repeat in zip(frame["parse_note"], repeats, strict=True)
    ]
    frame["value"] = [
        parse_figure(raw, style).value
        for raw, style in zip(frame["raw"], frame["number_style"], strict=True)
    ]
    return Extracted(frame, curated)


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Reads the PK's indicator targets (No / Sasaran Strategis / Indikator Kinerja / Satuan "
        "/ Target) from the text stream, telling cells apart by their blank lines."
    ),
)
