"""Extract the LKjIP's result summary (the `Realisasi Capaian Kinerja` table) from its text.

The table prints, per numbered sasaran (strategic goal), each indicator's target and realisation
for the report year, under Misi/Tujuan headings and group labels such as `Kebinamargaan`. The
text layer splits every cell over lines: names wrap over several lines, a unit wraps below its
figure, several cells may share one line (`Rasio Akseptor KB. 77,12 75,29`), and a line indented
by two spaces (or a whitespace line of two) opens a new table row. The step finds the table by
its caption inside the LKjIP document, walks it line by line and writes a parse_note by rule
wherever a reading needed judgment. Hints (`extraction/lkjip_result_summary.yaml`) carry what
the layout leaves open: where a sasaran's text ends (`sasaran_text`), which label heads
sub-items (`parents`) and bespoke notes or cells (`overrides`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from binjai_analysis.data.extract import Extracted, Step, hints, printed_columns
from binjai_analysis.data.parsing import (
    MISSING_MARKS,
    NumberStyle,
    normalise_whitespace,
    parse_figure,
)
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

TABLE = "lkjip_result_summary"
EXTRACTION_HINTS = f"extraction/{TABLE}.yaml"
COLUMNS = printed_columns(TABLE)
TARGET, REALISATION = "target", "realisasi"

DEFAULT_HEADING = r"Realisasi\s+Capaian\s+Kinerja"
"""The caption's title, as a regex (a `heading` hint replaces it)."""
CAPTION = re.compile(r"^\s*(Tabel\s+\d+(?:\.\d+)*)\.?\s*(.*)$", re.IGNORECASE)
YEAR_IN_TITLE = re.compile(r"\bTahun\s+(\d{4})\b")
SECTION = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s*[A-Z][a-z]")
"""A numbered section heading (`3.2.Evaluasi dan Analisis`): the table has ended."""
HEADING = re.compile(r"^(Misi|Tujuan)\s+[IVXLC\d]+\s*:", re.IGNORECASE)
COLUMN_HEADING = re.compile(r"^No\.?(\s+Sasaran\b.*)?$")
COLUMN_HEADING_END = re.compile(r"\b(Capaian|Realisasi)$", re.IGNORECASE)
SASARAN = re.compile(r"^(\d{1,2})\s*(\.)?\s*(.*)$")
BULLET = re.compile(r"^[-–•]\s+(\S.*)$")
ANNOTATION = re.compile(r"^\((\w+)\)$")

NUMBER = r"\d(?:[\d.,]*\d)?"
FIGURE_TOKEN = re.compile(rf"^(?P<number>(?:1:)?{NUMBER}%?)(?P<star>\*)?(?P<stop>\.)?$")
GLUED = re.compile(rf"^(?P<number>{NUMBER})(?P<unit>[a-z][a-z/]*)$")
CURRENCY = frozenset({"Rp", "Rp."})
CATEGORIES = frozenset({"WTP", "WDP", "TW", "TMP", "AA", "A", "BB", "B", "CC", "C", "D"})
"""Grades printed instead of a number: BPK audit opinions and AKIP ratings."""
TRENDS = {"Menurun": "decreasing", "Meningkat": "increasing", "Naik": "rising", "Turun": "falling"}
"""Words a target cell may print in parentheses below its figure, with their meaning."""
UNIT_WORDS = frozenset(
    {"per", "rp", "juta", "miliar", "triliun", "ribu", "rupiah", "orang", "org", "unit", "ton"}
    | {"kg", "km", "m", "ha", "hari", "tahun", "thn", "bulan", "kk", "jiwa", "persen", "keg"}
)
"""Words that open a unit even when it is capitalised and runs straight on to the next line."""
CONJUNCTIONS = frozenset({"dan", "atau", "yang", "dengan", "di", "ke", "dari", "untuk", "serta"})
UNIT_MAX_WORDS, UNIT_MAX_CHARS = 3, 25
MALFORMED = {",,": "double comma", "..": "double dot"}
"""How a malformed figure's separators are described in its note."""
NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    12: "twelve",
}

NOTE_GLUED = "printed run together with its unit as '{printed}'"
NOTE_STAR = "printed '{printed}' with an asterisk ({footnote})"
NOTE_STOP = "printed '{printed}' with a trailing '.'"
NOTE_MALFORMED = "malformed '{raw}' ({what}): parser: {parser}"
NOTE_US = (
    "printed '{raw}' with '.' as the decimal mark ({decimals} decimals, not a thousands group), "
    "so read in US style"
)
NOTE_ID = "'{raw}' read in Indonesian style as {value}"
NOTE_COMMA = "ambiguous '{raw}': ',' read as the decimal mark (Indonesian style)"
NOTE_TREND = "the {measure} cell also prints '({word})' ({meaning}) below the figure, line {line}"
NOTE_SUB_ITEMS = (
    "{count} {what} printed in two groups of {half} (lines {first}, {second}) after the {half} "
    "sub-items; read as the target column then the realisation column"
)
NOTE_DASH = (
    "a lone '-' printed between the target and the second '{second}'; column unclear, kept as "
    "a realisation cell"
)
NOTE_AFTER_DASH = (
    "second figure after the target (a '-' is printed between them); column unclear, taken as "
    "the Capaian/realisation column as in the other rows"
)
NOTE_REPEAT = "second printing of this indicator in the same sasaran (first at lines {lines})"

Gap = Literal["none", "empty", "space", "mark"]
"""What separates a line from the previous one: nothing, empty lines, whitespace lines, or a
row mark (a whitespace line of two or more spaces, or the line's own two-space indent)."""
GAP_ORDER: dict[Gap, int] = {"none": 0, "empty": 1, "space": 2, "mark": 3}


# --- Locating the table ---------------------------------------------------------------------


@dataclass(frozen=True)
class TableSpan:
    """Where the table is: its label (`Tabel 3.2`), its year and its lines (1-based)."""

    label: str
    year: int
    first: int
    last: int


def _lkjip_ranges(source: Source, hint: dict) -> list[tuple[int, int, int]]:
    """(first, last, year) of every LKjIP document, or of the `lines` (and `year`) hints."""
    if "lines" in hint:
        first, last = (int(n) for n in hint["lines"])
        document = source.document_of_line(first)
        year = hint.get("year", document.year if document is not None else None)
        if year is None:
            raise DataError(f"{EXTRACTION_HINTS}: give a 'year' with the 'lines' hint")
        return [(first, last, int(year))]
    ranges = [
        (d.lines[0], d.lines[1], d.year)
        for d in source.origin.documents
        if d.kind == "LKjIP" and d.lines
    ]
    if not ranges:
        raise DataError(f"Source {source.id} has no LKjIP document with text.")
    return ranges


def _table_end(lines: Sequence[str], start: int, last: int) -> int:
    """The last line of the table opened at line `start`: before the next section or caption."""
    for number in range(start + 1, last + 1):
        text = lines[number - 1]
        if SECTION.match(text) or CAPTION.match(text):
            return number - 1
    return last


def find_table(source: Source, hint: dict) -> TableSpan:
    """Locate the table by its caption inside the LKjIP document (or by the hints)."""
    lines = source.lines
    heading = re.compile(hint.get("heading", DEFAULT_HEADING), re.IGNORECASE)
    found = []
    for first, last, year in _lkjip_ranges(source, hint):
        for number in range(first, last + 1):
            match = CAPTION.match(lines[number - 1])
            if match and heading.search(match[2]):
                printed_year = YEAR_IN_TITLE.search(match[2])
                label = normalise_whitespace(match[1])
                found.append(
                    TableSpan(
                        label,
                        int(printed_year[1]) if printed_year else year,
                        number + 1,
                        _table_end(lines, number, last),
                    )
                )
    if len(found) != 1:
        where = ", ".join(str(span.first - 1) for span in found) or "nowhere"
        raise DataError(
            f"Source {source.id}: the result summary ({heading.pattern!r}) was found "
            f"{len(found)} times (lines {where}); give a 'heading' or 'lines' hint in "
            f"{EXTRACTION_HINTS}."
        )
    return found[0]


# --- Lines ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One printed line of the table, stripped, with what its layout says."""

    number: int
    text: str
    gap: Gap = "none"
    """What separates it from the previous content line (see `Gap`)."""
    open_end: bool = False
    """No trailing space: the text layer broke the line inside a word."""
    next_is_text: bool = False
    """The very next source line holds text (no blank line between them)."""


def _is_page_furniture(text: str, year: int) -> bool:
    """Running page header or footer: `LAPORAN KINERJA ...`, `BAB . I 94`, the bare year."""
    if text == str(year) or re.match(r"^B\s?A\s?B\b", text):
        return True
    words = text.split()
    return len(words) >= 3 and text.isupper() and not re.search(r"\d", text)


def content_lines(lines: Sequence[str], span: TableSpan) -> list[Line]:
    """The table's text lines, each with the gap before it; page furniture is dropped."""
    found: list[Line] = []
    gap: Gap = "none"
    for number in range(span.first, span.last + 1):
        raw = lines[number - 1]
        text = raw.strip()
        if not text:
            here: Gap = "empty" if not raw else "mark" if len(raw) >= 2 else "space"
            gap = max(gap, here, key=GAP_ORDER.__getitem__)
            continue
        if _is_page_furniture(text, span.year):
            gap = "none"
            continue
        indent = len(raw) - len(raw.lstrip())
        following = lines[number] if number < len(lines) else ""
        found.append(
            Line(
                number,
                text,
                "mark" if indent >= 2 else gap,
                open_end=not raw[-1].isspace(),
                next_is_text=bool(following.strip()),
            )
        )
        gap = "none"
    return found


# --- Cells ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A piece of a name or unit: its line, text, and whether the line broke inside a word."""

    line: int
    text: str
    open_end: bool = False


@dataclass
class Figure:
    """One printed figure: where, as printed, its unit parts and what was printed with it."""

    line: int
    printed: str
    raw: str
    kind: Literal["number", "category", "missing"] = "number"
    prefix: str = ""
    units: list[Part] = field(default_factory=list)
    glued: bool = False
    star: bool = False
    stop: bool = False
    trend: tuple[int, str] | None = None

    @property
    def unit(self) -> str:
        """The unit as stored: its printed parts joined, or '%' for a percentage, or ''."""
        parts = list(self.units)
        if len(parts) == 1 and not self.prefix and re.match(r"^\(.*[A-Za-z]", parts[0].text):
            parts = [Part(parts[0].line, parts[0].text.strip("()"), parts[0].open_end)]
        if self.prefix:
            parts.insert(0, Part(self.line, self.prefix))
        if parts:
            return join_parts(parts)
        return "%" if self.raw.endswith("%") else ""

    @property
    def unit_open(self) -> bool:
        """Whether the unit so far asks for more: a bare `Rp`, a trailing `per` or digit."""
        if self.prefix and not self.units:
            return True
        if not self.units:
            return False
        last = self.units[-1].text
        return last.split()[-1].lower() == "per" or last[-1].isdigit() or last.endswith("/")

    @property
    def with_units(self) -> str:
        """The figure with the units printed on its own line, as a reader sees it."""
        same_line = [part.text for part in self.units if part.line == self.line]
        return " ".join([self.printed, *same_line])


def join_parts(parts: Sequence[Part]) -> str:
    """Join wrapped pieces: no space inside a broken word or next to a '/'.

    Examples:
        >>> join_parts([Part(1, "SMA(SMA/SMK/SM", True), Part(2, "ALB/MA).")])
        'SMA(SMA/SMK/SMALB/MA).'
        >>> join_parts([Part(1, "SLTP(SMP/MTs/"), Part(2, "Paket B).")])
        'SLTP(SMP/MTs/Paket B).'
        >>> join_parts([Part(1, "AKI/100.000", True), Part(2, "KH")])
        'AKI/100.000 KH'
    """
    text = ""
    previous: Part | None = None
    for part in parts:
        piece = part.text.strip()
        if previous is None or not text:
            text = piece
        else:
            broken = previous.open_end and text[-1].isalpha() and piece[:1].isalpha()
            glue = "" if broken or text.endswith("/") or piece.startswith("/") else " "
            text += glue + piece
        previous = part
    return normalise_whitespace(text)


def _figure(token: str, line: int) -> Figure | None:
    """The figure a single printed token is, if it is one."""
    glued = GLUED.match(token)
    if glued:
        figure = Figure(line, token, glued["number"], glued=True)
        figure.units.append(Part(line, glued["unit"]))
        return figure
    match = FIGURE_TOKEN.match(token)
    if not match:
        return None
    return Figure(line, token, match["number"], star=bool(match["star"]), stop=bool(match["stop"]))


def read_figures(tokens: Sequence[str], line: int) -> list[Figure] | None:
    """The figures (with their units) that `tokens` consist of, or None if they are not all.

    Examples:
        >>> [(f.raw, f.unit) for f in read_figures("28 organisasi 27".split(), 1)]
        [('28', 'organisasi'), ('27', '')]
        >>> [(f.raw, f.unit) for f in read_figures(["Rp.", "3,00", "Triliun"], 1)]
        [('3,00', 'Rp. Triliun')]
        >>> read_figures(["5", "jenis"], 1)[0].unit, read_figures(["jenis", "5"], 1)
        ('jenis', None)
    """
    if tokens and all(token in CATEGORIES for token in tokens):
        return [Figure(line, token, token, kind="category") for token in tokens]
    figures: list[Figure] = []
    prefix = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        figure = _figure(token, line)
        if token in CURRENCY and index + 1 < len(tokens) and _figure(tokens[index + 1], line):
            prefix = token
        elif figure is not None:
            if figure.stop and index + 1 < len(tokens) and tokens[index + 1].isdigit():
                index += 1  # '125. 36': a decimal part printed after a space
                figure = Figure(line, f"{token} {tokens[index]}", f"{token} {tokens[index]}")
            figure.prefix, prefix = prefix, ""
            if figure.prefix:
                figure.printed = f"{figure.prefix} {figure.printed}"
            figures.append(figure)
        elif figures:
            figures[-1].units.append(Part(line, token))
        else:
            return None
        index += 1
    return figures or None


def split_line(text: str, line: int) -> tuple[str, list[Figure]] | None:
    """A line's name text and the figures printed after it, if it prints any.

    Figures after name text count only when there are two, or the first follows a full stop
    or a currency: `Kelahiran per 1000` is a name, `Pengeluaran Perkapita. 10,23` is not.

    Examples:
        >>> name, figures = split_line("Rasio Akseptor KB. 77,12 75,29", 1)
        >>> name, [f.raw for f in figures]
        ('Rasio Akseptor KB.', ['77,12', '75,29'])
        >>> split_line("Kelahiran per 1000", 1) is None
        True
    """
    if text in MISSING_MARKS:
        return "", [Figure(line, text, text, kind="missing")]
    tokens = text.split()
    for index in range(len(tokens)):
        figures = read_figures(tokens[index:], line)
        if figures is None:
            continue
        name = tokens[:index]
        if not name or len(figures) >= 2 or figures[0].prefix or name[-1].endswith("."):
            return " ".join(name), figures
        return None
    return None


def unit_like(line: Line) -> bool:
    """Whether a line can be (part of) a unit: short, no sentence end, not a phrase going on.

    A capitalised line counts when it starts with a unit word, is an acronym, or stands alone
    (a name's first line runs straight on to its next line).
    """
    text = line.text
    words = text.split()
    if len(words) > UNIT_MAX_WORDS or len(text) > UNIT_MAX_CHARS:
        return False
    if text.endswith((".", ",")) or words[-1].lower() in CONJUNCTIONS:
        return False
    if text[0].islower() or text[0].isdigit() or text[0] in "%(":
        return True
    head = re.split(r"[/\s]", text)[0]
    if (len(head) >= 2 and head.isupper()) or head.lower().strip(".") in UNIT_WORDS:
        return True
    return not line.next_is_text


# --- Walking the table ----------------------------------------------------------------------


@dataclass
class Item:
    """A table row as printed: an indicator, or a label when it has no figures."""

    sasaran: int
    first_line: int
    name: list[Part] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    bullets: list[Part] = field(default_factory=list)
    last_line: int = 0
    name_beside_figures: bool = False
    """The name (or its end) is printed on the line of the figures."""
    name_tail: bool = False
    """The name goes on below the figures and has not ended yet (no full stop)."""
    parent: str = ""
    """The label that heads this item as one of its sub-items (from a `parents` hint)."""
    hinted: list[str] = field(default_factory=list)
    """The hints that shaped this row (empty: code alone read it)."""

    @property
    def name_text(self) -> str:
        return join_parts(self.name)

    @property
    def is_label(self) -> bool:
        return not self.figures and not self.bullets

    def add_name(self, part: Part) -> None:
        self.name.append(part)
        self.last_line = max(self.last_line, part.line)

    def add_unit(self, line: Line) -> None:
        self.figures[-1].units.append(Part(line.number, line.text, line.open_end))
        self.last_line = line.number


@dataclass
class Walker:
    """The state of the walk: the sasaran and row being read, and the rows read so far."""

    sasaran_text_ends: dict[int, int]
    """From the hints: sasaran start line -> last line of its text."""
    items: list[Item] = field(default_factory=list)
    current: Item | None = None
    sasaran: int = 0
    mode: Literal["items", "sasaran", "heading", "columns"] = "heading"
    sasaran_started: bool = False
    sasaran_until: int = 0
    hinted: list[str] = field(default_factory=list)
    sasaran_lines: set[int] = field(default_factory=set)
    """The lines where a sasaran was found to start."""

    def close(self) -> None:
        if self.current is not None:
            self.items.append(self.current)
        self.current = None

    def open(self, line: Line, text: str | None = None) -> Item:
        """Start a new row at `line` (its name text: the line's, unless given)."""
        self.close()
        item = Item(self.sasaran, line.number, last_line=line.number, hinted=self.hinted)
        self.hinted = []
        item.add_name(Part(line.number, line.text if text is None else text, line.open_end))
        self.current = item
        return item


def _sasaran_start(walker: Walker, lines: Sequence[Line], index: int) -> bool:
    """Whether line `index` opens the next sasaran (`4. Meningkatnya`, `9 Terwujudnya`, `8`+`.`)."""
    match = SASARAN.match(lines[index].text)
    if not match or int(match[1]) != walker.sasaran + 1:
        return False
    if match[3]:
        return bool(re.match(r"^[A-Z][a-z]", match[3]))
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return bool(match[2]) or following == "."


def _open_sasaran(walker: Walker, line: Line) -> None:
    walker.close()
    match = SASARAN.match(line.text)
    assert match is not None
    walker.sasaran = int(match[1])
    walker.mode = "sasaran"
    walker.sasaran_started = bool(match[3])
    walker.sasaran_until = walker.sasaran_text_ends.get(line.number, 0)
    walker.sasaran_lines.add(line.number)


def _takes_sasaran_text(walker: Walker, line: Line) -> bool:
    """Whether `line` still belongs to the sasaran's text: lower-case, or a hint says so.

    Records the hint's use, so that the row after the text is marked curated.
    """
    if line.text == ".":
        return True
    if not walker.sasaran_started:
        walker.sasaran_started = True
        return True
    if line.number <= walker.sasaran_until:
        walker.hinted = ["sasaran_text"]
        return True
    return line.gap != "mark" and line.text[0].islower() and split_line(line.text, 0) is None


def walk(lines: Sequence[Line], sasaran_text_ends: dict[int, int]) -> list[Item]:
    """Group the table's lines into rows (indicators and labels), by sasaran."""
    walker = Walker(sasaran_text_ends)
    for index, line in enumerate(lines):
        if HEADING.match(line.text):
            walker.close()
            walker.mode = "heading"
        elif walker.mode != "columns" and COLUMN_HEADING.match(line.text):
            walker.close()
            walker.mode = "columns"
        elif walker.mode == "columns":
            if COLUMN_HEADING_END.search(line.text):
                walker.mode = "items"
        elif _sasaran_start(walker, lines, index):
            _open_sasaran(walker, line)
        elif walker.mode == "sasaran" and _takes_sasaran_text(walker, line):
            continue
        elif walker.mode != "heading":
            walker.mode = "items"
            item_line(walker, line)
    walker.close()
    unused = set(sasaran_text_ends) - walker.sasaran_lines
    if unused:
        raise DataError(f"{EXTRACTION_HINTS}: no sasaran starts at line(s) {sorted(unused)}")
    return walker.items


def _ends_with_per(text: str) -> bool:
    return text.split()[-1].lower() == "per"


def _continues_open(item: Item, line: Line) -> bool:
    """Whether `line` completes what the row left open: a unit (`Rp`, `Per`) or a `per` name."""
    if line.gap not in ("none", "empty"):
        return False
    if item.figures:
        last = item.figures[-1]
        if not last.unit_open:
            return False
        if last.units and _ends_with_per(last.units[-1].text):
            return True
        return split_line(line.text, line.number) is None and unit_like(line)
    return bool(item.name) and _ends_with_per(item.name[-1].text)


def _bullet_parent(walker: Walker) -> Item | None:
    """The row a `- e - Office` bullet belongs to: the open label, or the last one closed."""
    current = walker.current
    if current is not None and not current.figures:
        return current
    if current is None and walker.items and walker.items[-1].is_label:
        walker.current = walker.items.pop()
        return walker.current
    return None


def _starts_new_row(item: Item, line: Line) -> bool:
    """Whether a text line after a figureless row begins another row (the first was a label).

    A whitespace line between the two, or a full stop ending the first, splits them.
    """
    if line.gap == "space":
        return True
    return line.gap == "empty" and item.name_text.endswith(".")


def _name_wraps(item: Item, line: Line) -> bool:
    """Whether a short line below a name printed beside its figures ends that name."""
    return (
        item.name_beside_figures
        and not item.name_text.endswith(".")
        and not line.next_is_text
        and len(line.text.split()) <= UNIT_MAX_WORDS
        and split_line(line.text, line.number) is None
    )


def _takes_unit(figure: Figure, line: Line) -> bool:
    """Whether `line` is the figure's unit, or the wrapped rest of it."""
    if not unit_like(line):
        return False
    if not figure.units and not figure.prefix:
        return True
    return line.text[0].islower() or line.text[0] == "("


def item_line(walker: Walker, line: Line) -> None:
    """Read one line into the current row, or start a new one.

    In order: a row mark closes the row; a trend word below a figure, the rest of an open unit
    or `per` name, a bullet and a line of figures are read as such; other text is a name, a
    label or a unit (see `_text_line`).
    """
    if line.gap == "mark":
        walker.close()
    item = walker.current
    if item is not None and _reads_continuation(item, line):
        return
    if _reads_bullet(walker, line):
        return
    split = split_line(line.text, line.number)
    if split is not None:
        _figure_line(walker, line, *split)
    else:
        _text_line(walker, line)


def _reads_continuation(item: Item, line: Line) -> bool:
    """Read a `(Menurun)` below a figure, or what completes an open unit or name."""
    trend = ANNOTATION.match(line.text)
    if item.figures and trend and trend[1] in TRENDS and line.gap != "space":
        item.figures[-1].trend = (line.number, trend[1])
        item.last_line = line.number
        return True
    if not _continues_open(item, line):
        return False
    if item.figures:
        item.add_unit(line)
    else:
        item.add_name(Part(line.number, line.text, line.open_end))
    return True


def _reads_bullet(walker: Walker, line: Line) -> bool:
    """Read a `- e - Office` sub-item bullet, or the empty bullet that closes the list."""
    bullet = BULLET.match(line.text)
    parent = _bullet_parent(walker) if bullet else None
    if bullet and parent is not None:
        parent.bullets.append(Part(line.number, bullet[1]))
        parent.last_line = line.number
        return True
    item = walker.current
    return bool(item and item.bullets and not item.figures and line.text in MISSING_MARKS)


def _text_line(walker: Walker, line: Line) -> None:
    """Read a line without figures: a name (or its continuation), a label, or a unit."""
    item, text = walker.current, line.text
    if item is None or (not item.figures and _starts_new_row(item, line)):
        walker.open(line)
    elif not item.figures:
        item.add_name(Part(line.number, text, line.open_end))
    elif item.name_tail or (text[0].islower() and not _takes_unit(item.figures[-1], line)):
        item.add_name(Part(line.number, text, line.open_end))
        item.name_tail = not text.endswith(".")
    elif line.gap != "space" and _name_wraps(item, line):
        item.add_name(Part(line.number, text, line.open_end))
    elif line.gap != "space" and _takes_unit(item.figures[-1], line):
        item.add_unit(line)
    else:
        walker.open(line)


def _figure_line(walker: Walker, line: Line, name: str, figures: list[Figure]) -> None:
    """Read a line of figures, with the name printed before them if any (a new row)."""
    item = walker.current
    if name:
        if item is None or item.figures:
            item = walker.open(line, name)
        else:
            item.add_name(Part(line.number, name))
        item.name_beside_figures = True
    elif item is None:
        raise DataError(f"Line {line.number}: figures {line.text!r} before any indicator name")
    item.figures.extend(figures)
    item.last_line = line.number


# --- Reading the figures --------------------------------------------------------------------


def _digits(raw: str) -> str:
    return raw.removeprefix("1:").removesuffix("%").replace(" ", "")


def number_style(figure: Figure) -> NumberStyle:
    """`auto` for grades and dashes; else `us` for a lone '.' not followed by three digits.

    Examples:
        >>> [number_style(Figure(1, r, r)) for r in ("87.52%", "2.000", "1:264.935", "9,17")]
        ['us', 'id', 'id', 'id']
    """
    if figure.kind != "number":
        return "auto"
    digits = _digits(figure.raw)
    marks = {char for char in digits if char in ".,"}
    if marks == {"."}:
        groups = digits.split(".")
        return "us" if len(groups) == 2 and len(groups[1]) != 3 else "id"
    if marks == {".", ","}:
        return "id" if digits.rfind(",") > digits.rfind(".") else "us"
    return "id"


def _ambiguous(raw: str, mark: str) -> bool:
    """One `mark` before three digits, no other mark, a whole part other than 0 (`5.000`,
    `12,262`): it may group thousands or be the decimal mark."""
    whole, found, fraction = _digits(raw).partition(mark)
    single = found and not set(".,") & set(whole + fraction)
    return bool(single) and len(fraction) == 3 and whole != "0"


def _format_value(value: float) -> str:
    return f"{value:.0f}" if value.is_integer() else f"{value:g}"


def figure_notes(figure: Figure, measure: str, footnote: str) -> list[str]:
    """The notes a figure's own printing calls for, by rule."""
    notes = []
    style = number_style(figure)
    parsed = parse_figure(figure.raw, style)
    if figure.glued:
        notes.append(NOTE_GLUED.format(printed=figure.printed))
    if figure.star:
        notes.append(NOTE_STAR.format(printed=figure.printed, footnote=footnote))
    if figure.stop:
        notes.append(NOTE_STOP.format(printed=figure.printed))
    if "malformed" in parsed.note:
        what = MALFORMED.get(
            next((m for m in MALFORMED if m in figure.raw), ""), "irregular grouping"
        )
        notes.append(NOTE_MALFORMED.format(raw=figure.raw, what=what, parser=parsed.note))
    elif figure.kind == "number" and style == "us":
        decimals = len(_digits(figure.raw).split(".")[1])
        notes.append(NOTE_US.format(raw=figure.raw, decimals=NUMBER_WORDS.get(decimals, decimals)))
    elif figure.kind == "number" and _ambiguous(figure.raw, ".") and parsed.value is not None:
        value = " ".join(filter(None, [_format_value(parsed.value), figure.unit]))
        notes.append(NOTE_ID.format(raw=figure.raw, value=value))
    elif figure.kind == "number" and _ambiguous(figure.raw, ","):
        notes.append(NOTE_COMMA.format(raw=figure.raw))
    if figure.trend:
        line, word = figure.trend
        notes.append(NOTE_TREND.format(measure=measure, word=word, meaning=TRENDS[word], line=line))
    return notes


def _footnote(lines: Sequence[str], span: TableSpan) -> str:
    """What an asterisk refers to: the table's first `*` footnote line, if it prints one."""
    for number in range(span.first, span.last + 1):
        text = lines[number - 1].strip()
        if text.startswith("*") and len(text) > 1:
            return f"footnote at line {number}: '{normalise_whitespace(text)}'"
    return "no footnote found"


# --- Rows -----------------------------------------------------------------------------------


@dataclass
class Row:
    """One output row before it becomes a frame row."""

    item: Item
    name: str
    measure: str
    figure: Figure
    notes: list[str]


def _count(n: int) -> str:
    return NUMBER_WORDS.get(n, str(n))


def item_rows(item: Item, footnote: str) -> list[Row]:
    """The rows of one printed indicator (or of each sub-item of a bulleted one)."""
    figures = item.figures
    name = f"{item.parent}: {item.name_text}" if item.parent else item.name_text
    if item.bullets:
        return _bullet_rows(item, name, footnote)
    if len(figures) == 2:
        measures, extra = [TARGET, REALISATION], [[], []]
    elif len(figures) == 3 and figures[1].kind == "missing":
        measures = [TARGET, REALISATION, REALISATION]
        extra = [[], [NOTE_DASH.format(second=figures[2].with_units)], [NOTE_AFTER_DASH]]
    else:
        raise DataError(
            f"Line {item.first_line}: indicator {name!r} prints {len(figures)} figures "
            f"({', '.join(f.printed for f in figures)}); expected a target and a realisation"
        )
    return [
        Row(item, name, measure, figure, figure_notes(figure, measure, footnote) + more)
        for measure, figure, more in zip(measures, figures, extra, strict=True)
    ]


def _bullet_rows(item: Item, name: str, footnote: str) -> list[Row]:
    """Bulleted sub-items, whose figures follow the list: all targets, then all realisations."""
    half, figures = len(item.bullets), item.figures
    if len(figures) != 2 * half:
        raise DataError(
            f"Line {item.first_line}: {half} sub-items but {len(figures)} figures after them"
        )
    raws = {figure.raw for figure in figures}
    note = NOTE_SUB_ITEMS.format(
        count=_count(len(figures)),
        what=f"'{next(iter(raws))}'s" if len(raws) == 1 else "figures",
        half=_count(half),
        first=f"{figures[0].line}-{figures[half - 1].line}",
        second=f"{figures[half].line}-{figures[-1].line}",
    )
    rows = []
    for index, figure in enumerate(figures):
        measure = TARGET if index < half else REALISATION
        sub_name = f"{name}: {join_parts([item.bullets[index % half]])}"
        rows.append(Row(item, sub_name, measure, figure, figure_notes(figure, measure, footnote)))
        rows[-1].notes.append(note)
    return rows


def note_repeats(rows: Sequence[Row]) -> None:
    """Note an indicator printed a second time in the same sasaran, on its second printing."""
    first: dict[tuple[int, str], Item] = {}
    for row in rows:
        key = (row.item.sasaran, row.name.casefold())
        earlier = first.setdefault(key, row.item)
        if earlier is not row.item:
            lines = f"{earlier.first_line}-{earlier.last_line}"
            row.notes.append(NOTE_REPEAT.format(lines=lines))


def apply_parents(items: Sequence[Item], parents: Sequence[dict]) -> None:
    """Give the items after a hinted label that label as their parent (`Beras.` of `...`)."""
    for parent in parents:
        line, count = int(parent["line"]), int(parent["items"])
        index = next(
            (i for i, item in enumerate(items) if item.first_line == line and item.is_label), None
        )
        if index is None:
            raise DataError(f"{EXTRACTION_HINTS}: no label starts at line {line}")
        following = [item for item in items[index + 1 :] if item.figures][:count]
        for item in following:
            item.parent = items[index].name_text
            item.hinted.append("parents")


def build_frame(rows: Sequence[Row], span: TableSpan) -> pd.DataFrame:
    """One frame row per printed figure, in print order, with provenance and notes."""
    records = []
    for row in rows:
        style = number_style(row.figure)
        records.append(
            {
                "row_no": None,
                "sasaran_no": row.item.sasaran,
                "indicator_no": None,
                "indicator_name": row.name,
                "unit": row.figure.unit,
                "year": span.year,
                "measure": row.measure,
                "source_table": span.label,
                "source_line": row.figure.line,
                "raw": row.figure.raw,
                "number_style": style,
                "value": parse_figure(row.figure.raw, style).value,
                "parse_note": "; ".join(row.notes),
            }
        )
    return pd.DataFrame.from_records(records, columns=COLUMNS)


def apply_overrides(frame: pd.DataFrame, overrides: Sequence[dict]) -> pd.Series:
    """Apply cell overrides from the hints; the rows they touch are curated."""
    curated = pd.Series(False, index=frame.index)
    for override in overrides:
        where = frame["source_line"] == int(override["source_line"])
        for key in ("measure", "raw"):
            if key in override:
                where &= frame[key] == override[key]
        changes = dict(override.get("set", {}))
        if where.sum() != 1 or set(changes) - set(COLUMNS) or not override.get("why"):
            raise DataError(
                f"{EXTRACTION_HINTS}: override {override} matches {where.sum()} rows; it needs "
                "one row, known columns and a why"
            )
        for column, new in changes.items():
            frame.loc[where, column] = new
        if {"raw", "number_style"} & set(changes) and "value" not in changes:
            row = frame.loc[where].iloc[0]
            frame.loc[where, "value"] = parse_figure(row["raw"], row["number_style"]).value
        curated |= where
    return curated


HINT_KEYS = frozenset({"heading", "lines", "year", "sasaran_text", "parents", "overrides"})


def check_hints(hint: dict) -> None:
    """Refuse unknown hint keys and hints without a reason, so a typo cannot pass silently."""
    unknown = set(hint) - HINT_KEYS
    if unknown:
        raise DataError(f"{EXTRACTION_HINTS}: unknown keys {sorted(unknown)}")
    for key in ("sasaran_text", "parents", "overrides"):
        for entry in hint.get(key, []):
            if not isinstance(entry, dict) or not entry.get("why"):
                raise DataError(f"{EXTRACTION_HINTS}: {key} entry {entry!r} needs a 'why'")


def read_rows(source: Source, span: TableSpan, hint: dict) -> list[Row]:
    """The table's rows, with notes by rule (before any override)."""
    ends = {int(h["sasaran_line"]): int(h["last_line"]) for h in hint.get("sasaran_text", [])}
    items = walk(content_lines(source.lines, span), ends)
    apply_parents(items, hint.get("parents", []))
    footnote = _footnote(source.lines, span)
    rows = [row for item in items if item.figures for row in item_rows(item, footnote)]
    note_repeats(rows)
    return rows


def run(source: Source) -> Extracted:
    """Regenerate `lkjip_result_summary` from the source text."""
    hint = hints(source, TABLE)
    check_hints(hint)
    span = find_table(source, hint)
    rows = read_rows(source, span, hint)
    frame = build_frame(rows, span)
    curated = apply_overrides(frame, hint.get("overrides", []))
    curated |= pd.Series([bool(row.item.hinted) for row in rows], index=frame.index)
    if "lines" in hint:
        curated[:] = True
    return Extracted(frame, curated)


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Finds the LKjIP's 'Realisasi Capaian Kinerja' table by its caption, walks its sasaran "
        "and indicator rows through the wrapped cells, and reads each indicator's target and "
        "realisation with its unit and number style, noting by rule every reading that needed "
        "judgment."
    ),
)
