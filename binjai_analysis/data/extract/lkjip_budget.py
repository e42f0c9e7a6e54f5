"""Extract the LKjIP's program budget table ("Anggaran dan Realisasi Keuangan") from its text.

The table prints, per program, its number, its name (wrapped over lines), its anggaran and
realisasi in rupiah and its capaian in percent, and ends at its Jumlah row (not part of this
table). The text layer splits cells over lines, repeats the column headings after page breaks
and mixes the Indonesian (1.234,56) and US (1,234.56) number styles, even switching style
partway through the table. The step finds the table by its caption and column headings inside
the LKjIP document, walks it token by token, reads each figure's style from its own separators
and writes a parse_note by rule wherever a reading needed judgment. Optional hints
(`extraction/lkjip_budget.yaml`) can name the caption (`heading`), a line range (`lines`,
with `source_table` when no caption is inside it) or override single cells (`overrides`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from binjai_analysis.data.extract import Extracted, Step, hints, printed_columns
from binjai_analysis.data.parsing import MISSING_MARKS, normalise_whitespace, parse_figure
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

TABLE = "lkjip_budget"
EXTRACTION_HINTS = f"extraction/{TABLE}.yaml"
COLUMNS = printed_columns(TABLE)
MONEY = ("anggaran", "realisasi")
MEASURES = (*MONEY, "persen")

DEFAULT_HEADING = r"Anggaran\s+dan\s+Realisasi\s+Keuangan"
"""The caption's title, as a regex (a `heading` hint replaces it)."""
CAPTION = re.compile(r"^\s*(Tabel\s+\d+(?:\.\d+)*)\.?\s*(.*)$", re.IGNORECASE)
COLUMN_HEADING = re.compile(r"^\s*No\.?\s+Program\b", re.IGNORECASE)
HEADING_WORDS = frozenset(
    {"no", "no.", "program", "anggaran", "realisasi", "capaian", "(rp)", "(%)"}
)
TOTAL_ROW = re.compile(r"^\s*(Jumlah|Total)\b", re.IGNORECASE)
TITLE_LINES = 3
"""Lines after `Tabel n` that may hold the rest of its title."""
HEADING_DISTANCE = 20
"""The column headings must start within this many lines of the caption."""
WRAP_LINES = 4
"""A printed figure may wrap over this many source lines."""
PART_MIN_ROWS = 3
"""A run of rows printed in another style that reaches the table's end, at least this long,
is a part of the table printed in that style (not a stray row)."""
RATIO_LIMIT = 2.0
"""A realisasi above this multiple of its anggaran is flagged in its note."""
DIGITS_LOST_TOLERANCE = 0.02
"""How close (relative) the realisasi the printed capaian implies must come to a power of
1000 times the printed realisasi for the note to say a thousands group was lost: a printed
capaian is rounded (two decimals: at most 1 % off for capaian down to 0,5 %), and a true
realisasi that differs by chance is never that close to exactly 10^3k times."""

ROW_NUMBER = re.compile(r"^(\d{1,3})\.?$")
FIGURE = re.compile(r"^[+-]?\d[\d.,]*%?$")
WELL_FORMED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$|^\d{1,3}(,\d{3})+(\.\d+)?$")

Style = Literal["id", "us"]
STYLE_OF_DECIMAL: dict[str, Style] = {",": "id", ".": "us"}
STYLE_OF_THOUSANDS: dict[str, Style] = {".": "id", ",": "us"}
STYLE_NAME = {"id": "Indonesian", "us": "US"}
STYLE_MARKS = {"id": "('.' thousands, ',' decimal)", "us": "(',' thousands, '.' decimal)"}
DIGIT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}

NOTE_PART = (
    "Printed in {name} format {marks} like the whole second part of the table from line "
    "{line}; read as {style}."
)
NOTE_STRAY_STYLE = (
    "Printed in {name} format {marks} although the surrounding rows use {base} format; "
    "read as {style}."
)
NOTE_DOUBLE_MARK = (
    "Malformed: '{mark}' used both to group thousands and as the decimal mark ({base}-format "
    "rows); read with style {style} so the last '{mark}' is the decimal mark; parser note: "
    "{parser}."
)
NOTE_SHORT_GROUP = "{parser}; printed with a {width}-digit group '{group}' ({context})."
NOTE_UNGROUPED = (
    "Printed without thousands separators ('{raw}'); read as {name} format with "
    "'{mark}{fraction}' decimals."
)
NOTE_STRAY_END = (
    "Printed as '{printed}' with a stray trailing {what}; raw is the figure without it, "
    "read as {name} decimal."
)
NOTE_AMBIGUOUS_PERCENT = (
    "'{raw}' is ambiguous: read '{mark}' as the decimal mark ({style}), since it is a "
    "percentage{check}, not {lead} thousand."
)
NOTE_RATIO = "Value as printed is {ratio} times the row's anggaran {anggaran}."
NOTE_DIGITS_LOST = (
    "Digits lost: the printed % implies about {implied} ({percent}% of anggaran {anggaran}), "
    "{factor} times the printed figure; value kept as printed."
)


# --- Locating the table ---------------------------------------------------------------------


@dataclass(frozen=True)
class TableSpan:
    """Where the table is: its printed label, and the lines to walk (1-based, inclusive)."""

    label: str
    first: int
    last: int
    bounded: bool = False
    """True when a `lines` hint bounds the table: it may then end without a Jumlah row."""
    labelled_by_hint: bool = False
    """True when the label came from a `source_table` hint (no caption in the lines)."""


def _caption_at(lines: Sequence[str], index: int, heading: re.Pattern[str]) -> str | None:
    """The label (`Tabel 3.18`) when line `index` (0-based) opens the table's caption."""
    match = CAPTION.match(lines[index])
    if not match:
        return None
    title = " ".join([match[2], *lines[index + 1 : index + 1 + TITLE_LINES]])
    if not heading.search(normalise_whitespace(title)):
        return None
    return normalise_whitespace(match[1])


def _column_heading_after(lines: Sequence[str], index: int, last: int) -> int | None:
    """The 0-based index of the `No Program` heading line shortly after line `index`."""
    for after in range(index + 1, min(index + 1 + HEADING_DISTANCE, last)):
        if COLUMN_HEADING.match(lines[after]):
            return after
    return None


def _search_ranges(source: Source, hint: dict) -> list[tuple[int, int]]:
    """The (first, last) line ranges to search: the `lines` hint, or every LKjIP document."""
    if "lines" in hint:
        first, last = hint["lines"]
        return [(int(first), int(last))]
    ranges = [doc.lines for doc in source.origin.documents if doc.kind == "LKjIP" and doc.lines]
    if not ranges:
        raise DataError(f"Source {source.id} has no LKjIP document with text.")
    return list(ranges)


def find_table(source: Source, hint: dict) -> TableSpan:
    """Locate the budget table by its caption and column headings (or by the hints)."""
    lines = source.lines
    heading = re.compile(hint.get("heading", DEFAULT_HEADING), re.IGNORECASE)
    found = []
    for first, last in _search_ranges(source, hint):
        for index in range(first - 1, last):
            label = _caption_at(lines, index, heading)
            start = _column_heading_after(lines, index, last) if label else None
            if label and start is not None:
                found.append(TableSpan(label, start + 1, last, bounded="lines" in hint))
    if len(found) == 1:
        return found[0]
    if not found and "lines" in hint and "source_table" in hint:
        first, last = hint["lines"]
        return TableSpan(str(hint["source_table"]), int(first), int(last), True, True)
    where = ", ".join(str(span.first) for span in found) or "nowhere"
    raise DataError(
        f"Source {source.id}: the budget table ({heading.pattern!r} with a 'No Program' heading)"
        f" was found {len(found)} times (lines {where}); give a 'heading' or 'lines' hint in "
        f"{EXTRACTION_HINTS}."
    )


# --- Walking the table ----------------------------------------------------------------------


def _is_column_numbering(text: str) -> bool:
    """Whether `text` is the `1 2 3 4 5` line numbering the columns under the headings."""
    words = text.split()
    return len(words) >= 3 and words == [str(n) for n in range(1, len(words) + 1)]


def _is_heading_line(text: str) -> bool:
    """Whether `text` holds only column heading words (`Anggaran`, `(Rp)`, ...)."""
    return bool(text.split()) and all(word.lower() in HEADING_WORDS for word in text.split())


def _is_page_furniture(text: str, year: int | None) -> bool:
    """Running page header or footer: `LAPORAN KINERJA ...`, `BAB . I 158`, the bare year."""
    stripped = text.strip()
    if year is not None and stripped == str(year):
        return True
    if re.match(r"^B\s?A\s?B\b", stripped):
        return True
    words = stripped.split()
    return len(words) >= 3 and stripped.isupper() and not re.search(r"\d", stripped)


def content_lines(
    lines: Sequence[str], span: TableSpan, year: int | None = None
) -> Iterator[tuple[int, str]]:
    """The table's (line number, text) pairs, without headings, page furniture and blanks.

    Stops at the total (Jumlah) row; raises when the span ends without one, unless a hint
    bounds the span.
    """
    in_heading = False
    for number in range(span.first, span.last + 1):
        text = lines[number - 1]
        if COLUMN_HEADING.match(text):
            in_heading = True
            continue
        if in_heading and (
            _is_column_numbering(text) or _is_heading_line(text) or not text.strip()
        ):
            in_heading = not _is_column_numbering(text)
            continue
        in_heading = False
        if TOTAL_ROW.match(text):
            return
        if text.strip() and not _is_page_furniture(text, year):
            yield number, text
    if not span.bounded:
        raise DataError(f"Budget table from line {span.first}: no Jumlah row up to {span.last}")


@dataclass(frozen=True)
class Token:
    """One whitespace-separated piece of the table's text, with the line it is on."""

    text: str
    line: int


@dataclass
class PrintedRow:
    """One program row as printed: its number, its name's tokens and its three figures."""

    printed_no: int
    line: int
    name: list[Token] = field(default_factory=list)
    figures: list[Token] = field(default_factory=list)


def tokenize(numbered_lines: Iterator[tuple[int, str]]) -> list[Token]:
    """Split the table's lines into tokens, each remembering its line."""
    return [Token(word, number) for number, text in numbered_lines for word in text.split()]


def _opens_figures(token: Token, row: PrintedRow) -> bool:
    """Whether `token` is the row's anggaran: a grouped/decimal number (or a dash) after a name."""
    if not row.name:
        return False
    if token.text in MISSING_MARKS:
        return True
    return bool(FIGURE.match(token.text)) and bool(re.search(r"[.,]\d", token.text))


def _take_figure(tokens: Sequence[Token], index: int) -> tuple[Token, int]:
    """The figure starting at `tokens[index]`, joined with its continuation lines if wrapped."""
    token = tokens[index]
    parts = [token.text]
    following = index + 1
    while following < len(tokens) and len(parts) < WRAP_LINES and parts[-1][-1] in ".,":
        candidate = tokens[following]
        joined = "".join(parts) + candidate.text
        if candidate.line == tokens[following - 1].line or not WELL_FORMED.match(joined):
            break
        parts.append(candidate.text)
        following += 1
    return Token(" ".join(parts), token.line), following


def walk_rows(tokens: Sequence[Token]) -> list[PrintedRow]:
    """Group the tokens into printed rows: number, name words, then three figures."""
    rows: list[PrintedRow] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        row = rows[-1] if rows else None
        if row is None or len(row.figures) == len(MEASURES):
            number = ROW_NUMBER.match(token.text)
            if not number:
                raise DataError(f"Line {token.line}: expected a program number, not {token.text!r}")
            rows.append(PrintedRow(int(number[1]), token.line))
            index += 1
        elif not row.figures and not _opens_figures(token, row):
            row.name.append(token)
            index += 1
        elif FIGURE.match(token.text) or token.text in MISSING_MARKS:
            figure, index = _take_figure(tokens, index)
            row.figures.append(figure)
        else:
            raise DataError(f"Line {token.line}: expected a figure, not {token.text!r}")
    if rows and len(rows[-1].figures) != len(MEASURES):
        raise DataError(f"Line {rows[-1].line}: the last program row has too few figures")
    return rows


def program_name(name: Sequence[Token]) -> str:
    """The program's name from its wrapped lines: a line ending in '-' joins without a space.

    Examples:
        >>> program_name([Token("Rumah", 1), Token("Sakit", 1), Token("Paru-", 1),
        ...               Token("Paru.", 2)])
        'Rumah Sakit Paru-Paru'
    """
    text = ""
    for previous, token in zip([None, *name], name, strict=False):
        joins = previous is not None and previous.line != token.line and text.endswith("-")
        text += token.text if joins or not text else f" {token.text}"
    return normalise_whitespace(text).rstrip(".").strip()


# --- Reading the figures --------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """What a figure's separators say: `decimal` (last mark is the decimal mark), `grouped`
    (thousands only), `plain` (no marks), `ambiguous` (one mark before three digits) or
    `double` (one mark used for thousands and decimals); and the style that implies."""

    kind: Literal["decimal", "grouped", "plain", "ambiguous", "double", "missing"]
    style: Style | None
    mark: str = ""


def figure_shape(raw: str) -> Shape:
    """Classify a printed figure by its separators.

    Examples:
        >>> figure_shape("1.234.567,00")
        Shape(kind='decimal', style='id', mark=',')
        >>> figure_shape("99,178").kind, figure_shape("9.107.735.00").kind
        ('ambiguous', 'double')
    """
    digits = raw.replace(" ", "").removesuffix("%").lstrip("+-")
    if raw in MISSING_MARKS:
        return Shape("missing", None)
    marks = [char for char in digits if char in ".,"]
    if not marks:
        return Shape("plain", None)
    if len(set(marks)) == 2:
        return Shape("decimal", STYLE_OF_DECIMAL[marks[-1]], marks[-1])
    mark, groups = marks[0], digits.split(marks[0])
    if len(groups[-1]) != 3:
        kind = "decimal" if len(groups) == 2 else "double"
        return Shape(kind, STYLE_OF_DECIMAL[mark], mark)
    kind = "ambiguous" if len(groups) == 2 else "grouped"
    return Shape(kind, STYLE_OF_THOUSANDS[mark], mark)


@dataclass
class Reading:
    """One figure as it goes into the table."""

    measure: str
    line: int
    printed: str
    raw: str
    shape: Shape
    style: Style | None = None
    note: str = ""

    @property
    def value(self) -> float | None:
        return parse_figure(self.raw, self.style or "auto").value


def _strip_stray_end(printed: str) -> str:
    """The figure without a trailing separator, which no well-formed number ends with."""
    return printed[:-1] if len(printed) > 1 and printed[-1] in ".," else printed


def read_figures(row: PrintedRow) -> dict[str, Reading]:
    """The row's figures by measure, with their separators classified (styles come later)."""
    readings = {}
    for measure, token in zip(MEASURES, row.figures, strict=True):
        raw = normalise_whitespace(_strip_stray_end(token.text))
        readings[measure] = Reading(measure, token.line, token.text, raw, figure_shape(raw))
    return readings


def clean_money_style(readings: dict[str, Reading]) -> set[Style]:
    """The styles a row's rupiah figures show unambiguously (well grouped, clear decimals)."""
    styles = set()
    for measure in MONEY:
        reading = readings[measure]
        if (
            reading.shape.kind in ("decimal", "grouped")
            and not parse_figure(reading.raw, reading.shape.style or "auto").note
        ):
            styles.add(reading.shape.style)
    return styles


@dataclass(frozen=True)
class StyleContext:
    """The table's base number style and where a part printed in the other style begins."""

    base: Style
    part_from: int | None = None
    """Index of the first row of a trailing part printed in the other style, if any."""
    part_line: int | None = None

    def style_at(self, index: int) -> Style:
        if self.part_from is not None and index >= self.part_from:
            return "us" if self.base == "id" else "id"
        return self.base


def style_context(
    rows: Sequence[PrintedRow], readings: Sequence[dict[str, Reading]]
) -> StyleContext:
    """The base style (of the first clear rupiah figure) and a trailing other-style part."""
    styles = [clean_money_style(row_readings) for row_readings in readings]
    base = next((next(iter(found)) for found in styles if len(found) == 1), "id")
    start = len(styles)
    while start > 0 and styles[start - 1] and base not in styles[start - 1]:
        start -= 1
    if len(styles) - start < PART_MIN_ROWS:
        return StyleContext(base)
    return StyleContext(base, start, rows[start].line)


def _drop_zero_fraction(raw: str, style: Style) -> str:
    """`raw` without a decimal part that is all zeros ('410.297.300,00' -> '410.297.300')."""
    decimal = "," if style == "id" else "."
    whole, mark, fraction = raw.rpartition(decimal)
    return whole if mark and set(fraction) <= {"0"} else raw


def _short_group_note(reading: Reading, readings: dict[str, Reading], parser: str) -> str:
    """A malformed grouping: the parser's note, the odd group and the row's other figures."""
    thousands = "." if reading.style == "id" else ","
    decimal = "," if reading.style == "id" else "."
    groups = reading.raw.split(decimal)[0].split(thousands)
    odd = next(
        (g for i, g in enumerate(groups) if (len(g) > 3 if i == 0 else len(g) != 3)), groups[0]
    )
    other = readings[MONEY[1] if reading.measure == MONEY[0] else MONEY[0]]
    percent = readings["persen"].raw
    context = f"row {other.measure} {other.raw}, printed {percent.removesuffix('%')}%"
    width = DIGIT_WORDS.get(len(odd), str(len(odd)))
    return NOTE_SHORT_GROUP.format(parser=parser, width=width, group=odd, context=context)


def _money_note(
    reading: Reading, readings: dict[str, Reading], context: StyleContext, index: int
) -> str:
    """Set a rupiah figure's style and say, by rule, what its reading needed."""
    shape, local = reading.shape, context.style_at(index)
    reading.style = shape.style or local
    parser = parse_figure(reading.raw, reading.style).note
    if shape.kind == "double":
        return NOTE_DOUBLE_MARK.format(
            mark=shape.mark, base=STYLE_NAME[local], style=reading.style, parser=parser
        )
    if parser and shape.kind in ("decimal", "grouped"):
        return _short_group_note(reading, readings, parser)
    if parser:
        return parser[0].upper() + parser[1:] + "."
    whole, _, fraction = reading.raw.partition(shape.mark) if shape.mark else (reading.raw, "", "")
    digits = whole.lstrip("+-")
    if shape.kind in ("decimal", "plain") and len(digits) > 3 and digits.isdigit():
        return NOTE_UNGROUPED.format(
            raw=reading.raw, name=STYLE_NAME[reading.style], mark=shape.mark, fraction=fraction
        )
    return _style_note(reading, context, local)


def _style_note(reading: Reading, context: StyleContext, local: Style) -> str:
    """A clear figure in another style than its rows': a part of the table, or a stray one."""
    style = reading.shape.style
    if style is None or (style == local == context.base):
        return ""
    names = {"name": STYLE_NAME[style], "marks": STYLE_MARKS[style], "style": style}
    if style == local:
        return NOTE_PART.format(**names, line=context.part_line)
    return NOTE_STRAY_STYLE.format(**names, base=STYLE_NAME[local])


def _percent_note(
    reading: Reading, readings: dict[str, Reading], context: StyleContext, index: int
) -> str:
    """Set the capaian's style from its decimal mark; an ambiguous one is a decimal by rule."""
    shape = reading.shape
    if shape.kind == "ambiguous":
        reading.style = STYLE_OF_DECIMAL[shape.mark]
        return _ambiguous_percent_note(reading, readings)
    reading.style = shape.style or context.style_at(index)
    parser = parse_figure(reading.raw, reading.style).note
    return parser[0].upper() + parser[1:] + "." if parser else ""


def _ambiguous_percent_note(reading: Reading, readings: dict[str, Reading]) -> str:
    """Why a capaian like '99,178' is read as a decimal: checked against realisasi/anggaran."""
    anggaran, realisasi = (readings[measure] for measure in MONEY)
    check = ""
    if anggaran.value and realisasi.value is not None:
        share = 100 * realisasi.value / anggaran.value
        pair = [_drop_zero_fraction(r.raw, r.style or "id") for r in (realisasi, anggaran)]
        check = f" ({pair[0]}/{pair[1]} = {share:.2f}%)"
    lead = reading.raw.split(reading.shape.mark)[0]
    return NOTE_AMBIGUOUS_PERCENT.format(
        raw=reading.raw, mark=reading.shape.mark, style=reading.style, check=check, lead=lead
    )


def _ratio_note(readings: dict[str, Reading]) -> str:
    """A realisasi far above its anggaran: say by how much, so a reader can judge the figure."""
    anggaran, realisasi = (readings[measure] for measure in MONEY)
    if not anggaran.value or realisasi.value is None:
        return ""
    ratio = realisasi.value / anggaran.value
    if ratio <= RATIO_LIMIT:
        return ""
    return NOTE_RATIO.format(ratio=f"{round(ratio, 1):g}", anggaran=anggaran.raw)


def _digits_lost_note(readings: dict[str, Reading]) -> str:
    """A realisasi about 10^3k times smaller than the printed capaian implies (k >= 1): a
    thousands group was lost in print. The value stays as printed; the note says so."""
    anggaran, realisasi = (readings[measure] for measure in MONEY)
    percent = readings["persen"].value
    if not anggaran.value or not realisasi.value or not percent:
        return ""
    implied = percent / 100 * anggaran.value
    factor = implied / realisasi.value
    groups = round(math.log10(factor) / 3) if factor > 0 else 0
    if groups < 1 or abs(factor / 1000**groups - 1) > DIGITS_LOST_TOLERANCE:
        return ""
    return NOTE_DIGITS_LOST.format(
        implied=f"{implied:,.0f}".replace(",", "."),
        percent=readings["persen"].raw.removesuffix("%"),
        anggaran=anggaran.raw,
        factor=f"{1000**groups:,}".replace(",", "."),
    )


def _stray_end_note(reading: Reading) -> str:
    """A figure printed with a trailing separator, which `raw` leaves out."""
    if reading.printed.replace(" ", "") == reading.raw.replace(" ", ""):
        return ""
    what = "period" if reading.printed.endswith(".") else "comma"
    return NOTE_STRAY_END.format(
        printed=reading.printed, what=what, name=STYLE_NAME[reading.style or "id"]
    )


def annotate_row(readings: dict[str, Reading], context: StyleContext, index: int) -> None:
    """Give each figure of row `index` its style and its rule-made parse_note."""
    for measure in MONEY:
        readings[measure].note = _money_note(readings[measure], readings, context, index)
    persen = readings["persen"]
    persen.note = _percent_note(persen, readings, context, index)
    realisasi = readings[MONEY[1]]
    realisasi.note = " ".join(
        filter(None, [realisasi.note, _ratio_note(readings), _digits_lost_note(readings)])
    )
    for reading in readings.values():
        reading.note = " ".join(filter(None, [_stray_end_note(reading), reading.note]))


# --- The table ------------------------------------------------------------------------------


def read_rows(source: Source, span: TableSpan) -> list[PrintedRow]:
    """The printed rows of the table at `span`."""
    document = source.document_of_line(span.first)
    year = document.year if document is not None else None
    return walk_rows(tokenize(content_lines(source.lines, span, year)))


def _row_key(row: PrintedRow) -> tuple[int, str]:
    """A printed row's number and program name (without case or spacing), for repeats."""
    return row.printed_no, " ".join(program_name(row.name).split()).casefold()


def repeat_notes(rows: Sequence[PrintedRow], readings: Sequence[dict[str, Reading]]) -> list[str]:
    """Per row, a note when it repeats an earlier row's printed number and program (a page
    break may print a row again), saying whether its figures are the same; else ''."""
    first: dict[tuple[int, str], int] = {}
    notes = []
    for index, row in enumerate(rows):
        earlier = first.setdefault(_row_key(row), index)
        if earlier == index:
            notes.append("")
            continue
        lines = [readings[earlier][m].line for m in MEASURES]
        same = all(readings[earlier][m].raw == readings[index][m].raw for m in MEASURES)
        where = f"repeat of row {earlier + 1}, lines {min(lines)}-{max(lines)}"
        notes.append(
            f"Printed twice ({where}: same number, program and figures); kept as printed."
            if same
            else f"Printed twice ({where}: same number and program) with a different value; "
            "kept as printed."
        )
    return notes


def build_frame(rows: Sequence[PrintedRow], label: str) -> pd.DataFrame:
    """One frame row per printed figure, in print order, with provenance and notes."""
    readings = [read_figures(row) for row in rows]
    context = style_context(rows, readings)
    repeats = repeat_notes(rows, readings)
    records = []
    for index, (row, row_readings) in enumerate(zip(rows, readings, strict=True)):
        annotate_row(row_readings, context, index)
        name = program_name(row.name)
        for measure in MEASURES:
            reading = row_readings[measure]
            reading.note = " ".join(filter(None, [reading.note, repeats[index]]))
            records.append(
                {
                    "row_seq": index + 1,
                    "printed_no": row.printed_no,
                    "program": name,
                    "measure": measure,
                    "source_table": label,
                    "source_line": reading.line,
                    "raw": reading.raw,
                    "number_style": reading.style or "",
                    "value": reading.value,
                    "parse_note": reading.note,
                }
            )
    return pd.DataFrame.from_records(records, columns=COLUMNS)


def apply_overrides(frame: pd.DataFrame, overrides: Sequence[dict]) -> pd.Series:
    """Apply cell overrides from the hints; the rows they touch are curated."""
    curated = pd.Series(False, index=frame.index)
    for override in overrides:
        where = frame["source_line"] == int(override["source_line"])
        if "measure" in override:
            where &= frame["measure"] == override["measure"]
        if where.sum() != 1:
            raise DataError(f"{EXTRACTION_HINTS}: override {override} matches {where.sum()} rows")
        changes = dict(override.get("set", {}))
        unknown = set(changes) - set(COLUMNS)
        if unknown or not override.get("why"):
            raise DataError(
                f"{EXTRACTION_HINTS}: override {override} needs known columns and a why"
            )
        for column, new in changes.items():
            frame.loc[where, column] = new
        if {"raw", "number_style"} & set(changes) and "value" not in changes:
            row = frame.loc[where].iloc[0]
            frame.loc[where, "value"] = parse_figure(
                row["raw"], row["number_style"] or "auto"
            ).value
        curated |= where
    return curated


def run(source: Source) -> Extracted:
    """Regenerate `lkjip_budget` from the source text."""
    hint = hints(source, TABLE)
    span = find_table(source, hint)
    frame = build_frame(read_rows(source, span), span.label)
    curated = apply_overrides(frame, hint.get("overrides", []))
    if span.labelled_by_hint:
        curated[:] = True
    return Extracted(frame, curated)


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Finds the LKjIP's 'Anggaran dan Realisasi Keuangan' table by caption and column "
        "headings, walks its program rows to the Jumlah row, and reads anggaran, realisasi and "
        "capaian with each figure's own number style, noting by rule every reading that needed "
        "judgment."
    ),
)
