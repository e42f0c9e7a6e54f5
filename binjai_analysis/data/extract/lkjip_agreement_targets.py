"""Regenerate the LKjIP's table of performance-agreement targets (Target Perjanjian Kinerja).

The table has four columns (Sasaran strategis | Indikator Kinerja Utama | Target | Sumber Data),
but the text layer gives its cells in reading order, not row order: a name wraps over many lines,
a run of names may be printed before their run of figures, a row number may stand apart from its
name, one agency cell serves several rows, and the sasaran statements of column 1 sit between
the rows. `Reader` walks the body line by line and pairs names with figures in print order;
`resolve_agency` then gives every row its agency, and each judgment made on the way becomes a
parse_note fragment written from its rule. A block printed with neither sasaran number nor
statement is numbered from the report's own 'Sasaran <roman>:' sections. What the layout cannot
decide (an agency cell read as merged over rows, the reason an ambiguous figure was read one way,
a misprint) comes from the hints file, and the rows that use a hint are marked curated.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from binjai_analysis.data.extract import Extracted, Step, hints, printed_columns
from binjai_analysis.data.parsing import normalise_whitespace, parse_figure
from binjai_analysis.data.sources import Document, Source
from binjai_analysis.errors import DataError

TABLE = "lkjip_agreement_targets"
MEASURE = "target"
COLUMNS = printed_columns(TABLE)

HEADING = re.compile(
    r"^\s*(?P<table>Tabel\s+\d+\.\d+)\.?\s+Target\s+Perjanjian\s+Kinerja\s+Tahun\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
"""The table's caption; the year printed in it is the year of the targets."""
COLUMN_NUMBERS = re.compile(r"^\s*1(?:\s+\d+){2,}\s*$")
"""The row of column numbers ('1 2 3 4 5') that ends the column headers."""
HEADER_LINES = 40
"""The column headers end within this many lines of the caption."""
PROSE_WIDTH = 45
"""Table cells are narrow; the first longer line is the prose after the table."""
GROUP_CELL_GAP = 3
"""Blank lines before an agency cell printed under a group heading that make it the group's
cell (centred over the group) rather than the cell of the group's first row."""
UNIT_LINES = 2
"""A unit printed under its figure spans at most this many lines ('Per 10.000' / 'penduduk')."""
AGENCY_WORDS = (
    "Dinas",
    "Badan",
    "Bagian",
    "Inspektorat",
    "Sekretariat",
    "Satuan",
    "Kantor",
    "Rumah Sakit",
    "BAPPEDA",
    "Bappeda",
    "BKD",
    "BPBD",
    "BPS",
    "Kominfo",
)
"""Words that open an agency (Sumber Data) cell: Indonesian local-government bodies."""
CONNECTIVES = frozenset(
    {"per", "dan", "di", "ke", "dari", "yang", "untuk", "terhadap", "dengan", "atas", "pada"}
)
"""Words a name cannot end with: the next line continues it, even if it starts with a number."""
CATEGORIES = ("WTP", "WDP", "TMP", "TW", "AA", "BB", "CC")
"""Category targets (BPK audit opinions, SAKIP grades) printed in the Target column."""
UNPRINTED = "sasaran_no inferred: number and statement not printed"
PAIRED = "figure matched to its sub-row by print order (names and figures printed in separate runs)"
NOTE_ORDER = ("pairing", "heading", "print", "style", "agency", "sasaran")
"""The order of a parse_note's fragments."""
ROW_HINT_FIELDS = frozenset(
    {"agency", "agency_note", "print_note", "reason", "heading_figure", "pairing", "name"}
)
"""What a row hint may set (besides its `lines` and its `why`)."""

_FIGURE = re.compile(
    rf"^(?P<rp>Rp\.?\s*)?(?P<fig>1\s*:\s*\d(?:[\d.,]*\d)?|(?:{'|'.join(CATEGORIES)})\b"
    r"|\d(?:[\d.,=]*\d)?%?)(?P<rest>.*)$"
)
_TRAILING_FIGURE = re.compile(
    r"^(?P<name>.*?\S)\s+(?P<rp>Rp\.?\s*)?(?P<fig>\d[\d.]*,\d+%?|\d[\d.,]*%|1:\d[\d.,]*)$"
)
"""A figure printed at the end of a name's line. It needs a decimal comma, a '%' or a ratio,
so that a name ending in a plain number ('per 1000') keeps it."""
_SUB = re.compile(r"^(?P<label>[a-z][.)])\s*(?P<text>\S.*)$")
_LETTER = re.compile(r"^(?P<label>[A-Za-z])\s+(?P<text>[A-Z].*)$")
_NUM_TEXT = re.compile(r"^(?P<label>\d+\.?)\s+(?P<text>\S.*)$")
_DASH_ITEM = re.compile(r"^-\s+(?P<text>\S.*)$")
_BARE_LABEL = re.compile(r"\d+\.?|[A-Za-z]")
_INLINE_LABEL = re.compile(r"^(?P<head>.*?\S)\s+(?P<tail>(?:\d{1,2}|[a-z]\))\s+[A-Z].*)$")
_NOMINAL = re.compile(r"^[A-Z][a-z]+nya$")
_NOMINAL_NUMBERED = re.compile(r"^(?:[A-Z][a-z]+nya|Pe[a-z]+an)$")
_NAME_UNIT = re.compile(r"\((?P<unit>%|[A-Za-z][a-z]+)\)$")
_REMARK = re.compile(r"^\([^()]+\)$")
_FOOTER = re.compile(r"^BAB\b.*\d+$")
_SECTION = re.compile(r"^\s*Sasaran\s+(?P<roman>[IVXL]+)\s*:")
_TABLE_LABEL = re.compile(r"\bTabel\s+(?P<number>\d+\.\d+)")
_RANK = {"letter": 3, "num": 2, "sub": 1, "dash": 0}
"""Label levels: 'A' above '1' above 'a)' above '-'; an unlabelled name ranks above all."""
_FIRST_LABELS = frozenset({"1", "a", "A", "-"})


# -- text helpers -----------------------------------------------------------------------------
def join_parts(parts: Sequence[str]) -> str:
    """Join a cell's lines: with a space, or none after a '/' that ends a word.

    Examples:
        >>> join_parts(["(SMA/SMK/SMALB/", "MA)."])
        '(SMA/SMK/SMALB/MA).'
        >>> join_parts(["Kecamatan /", "Kelurahan."])
        'Kecamatan / Kelurahan.'
    """
    text = ""
    for part in (normalise_whitespace(p) for p in parts):
        if part:
            glue = "" if not text or (text.endswith("/") and not text.endswith(" /")) else " "
            text = f"{text}{glue}{part}"
    return text


def starts_agency(text: str) -> bool:
    """Whether `text` opens an agency cell ('Dinas …', '(Bagian …', 'BAPPEDA, BPS')."""
    bare = text.lstrip("(")
    return any(re.match(rf"{re.escape(word)}\b", bare) for word in AGENCY_WORDS)


def is_nominal(word: str, numbered: bool) -> bool:
    """Whether `word` opens a sasaran statement ('Terwujudnya'; numbered also 'Pengurangan')."""
    return bool((_NOMINAL_NUMBERED if numbered else _NOMINAL).match(word))


def _first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else ""


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# -- what the reader builds ---------------------------------------------------------------------
@dataclass(frozen=True)
class BodyLine:
    """One non-blank line of the table body."""

    number: int
    text: str
    """Whitespace normalised."""
    lead: bool
    """Printed with leading whitespace: the text layer starts a new run of text there."""
    gap: int
    """Blank lines before it."""


@dataclass(eq=False)
class Cell:
    """An agency (Sumber Data) cell: a run of lines."""

    lines: list[int]
    parts: list[str]
    gap: int
    block: int
    """The first line of the sasaran block it is printed in."""

    @property
    def text(self) -> str:
        return join_parts(self.parts)

    @property
    def complete(self) -> bool:
        """Whether the cell's text can end here (not after ',' or 'dan')."""
        return not re.search(r"(,|\bdan)$", self.text)

    def span(self) -> str:
        first, last = self.lines[0], self.lines[-1]
        return f"{first}-{last}" if last != first else f"{first}"

    def lines_ref(self) -> str:
        return (
            f"lines {self.span()}" if self.lines[-1] != self.lines[0] else f"line {self.lines[0]}"
        )


@dataclass(eq=False)
class Target:
    """A printed figure and what is printed with it (its unit, a remark, a stray full stop)."""

    line: int
    raw: str
    printed: str
    name: Name
    prefix: str = ""
    rest: str = ""
    glued: str = ""
    glued_more: str = ""
    unit_before: str = ""
    unit_lines: list[str] = field(default_factory=list)
    remark: str = ""
    trailing_stop: bool = False

    @property
    def percent(self) -> bool:
        return self.raw.endswith("%")

    @property
    def unit_open(self) -> bool:
        """Whether a line printed under the figure may still be its unit."""
        category = self.raw in CATEGORIES or self.raw == "-"
        has_unit = self.glued or self.rest or self.unit_before or self.percent or category
        return not has_unit and len(self.unit_lines) < UNIT_LINES

    @property
    def awaits_glued(self) -> bool:
        """A unit run together with the figure and cut at a '/' ('69,40AKI/' then '100.000KH')."""
        return self.glued.endswith("/") and not self.glued_more

    def unit(self) -> str:
        """The unit printed with the figure ('' when none)."""
        if self.percent:
            return "%"
        if self.rest:
            return "%" if self.rest == "(%)" else self.rest
        if self.glued:
            return join_parts([self.glued, self.glued_more])
        return join_parts([self.prefix, *self.unit_lines]) or self.unit_before


@dataclass(eq=False)
class Name:
    """An indicator name or a group heading as printed, with its label ('1', 'a)', '-', '')."""

    line: int
    label: str
    printed_label: str
    kind: str
    """'letter', 'num', 'sub', 'dash', or '' for a name printed without a label."""
    segment: int
    """Rows read after the same heading share a segment (a group, for agency cells)."""
    parts: list[str] = field(default_factory=list)
    target: Target | None = None
    heading: bool = False
    figured_heading: bool = False
    """A group heading printed with a figure of its own."""
    parent: Name | None = None
    children: list[Name] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    """Agency cells printed after the name, before its figure."""
    cell: Cell | None = None
    """The agency cell printed beside it (for a heading: the group's cell)."""
    repeated: list[Cell] = field(default_factory=list)
    """For a heading: one agency cell printed twice in a row in its group."""

    @property
    def text(self) -> str:
        return re.sub(r"\s*\.$", "", join_parts(self.parts))

    @property
    def rank(self) -> int:
        return _RANK.get(self.kind, 4)

    @property
    def complete(self) -> bool:
        """Ends with a full stop: the next text is not its continuation."""
        return join_parts(self.parts).endswith(".")

    @property
    def dangling(self) -> bool:
        """Ends with a word that needs more ('per', 'dan'): the next line continues it."""
        words = join_parts(self.parts).split()
        return bool(words) and words[-1].lower() in CONNECTIVES

    def caption(self) -> str:
        """The heading as printed, with its label: '2 Pengairan/Sumber Daya Air'."""
        return normalise_whitespace(f"{self.printed_label} {self.text}")


@dataclass
class Sasaran:
    """One sasaran block of the table and how its number was known."""

    number: int
    line: int
    note: str = ""
    hinted: bool = False
    unprinted: bool = False
    """Printed with neither number nor statement: numbered after reading."""


# -- the reader ---------------------------------------------------------------------------------
class Reader:
    """Walk the body lines in print order, building names, figures, cells and sasaran blocks.

    Figures go to names first in, first out: when several names are printed before their
    figures, the figures follow in the same order. A name followed by a first sub-label ('a',
    '1', '-') is a group heading (or, with a figure of its own, a heading row).
    """

    def __init__(self, lines: Sequence[BodyLine], breaks: dict[int, dict]) -> None:
        self.lines = list(lines)
        self.breaks = breaks
        self.targets: list[Target] = []
        self.cells: list[Cell] = []
        self.sasaran: list[Sasaran] = []
        self.headings: dict[int, Name] = {}
        self.strays: list[tuple[int, int]] = []
        self._segment = 0
        self._index = 0
        self._reset_block()

    def _reset_block(self) -> None:
        self.names: list[Name] = []
        self.pending: list[Name] = []
        self.queue: list[tuple[str, int]] = []
        self.current: Name | Target | Cell | None = None
        self.in_statement = False
        self.parent: Name | None = None
        self.heading_kinds: set[str] = set()
        self.last_num: int | None = None
        self.floating: Cell | None = None
        self.block_cells: list[Cell] = []
        self.unit_before = ""

    @property
    def number(self) -> int:
        return self.sasaran[-1].number if self.sasaran else 0

    @property
    def recent(self) -> Name | None:
        return self.names[-1] if self.names else None

    def read(self) -> Reader:
        while self._index < len(self.lines):
            line = self.lines[self._index]
            self._step(line, line.text)
            self._index += 1
        return self

    def _next_text(self) -> str:
        following = self.lines[self._index + 1 : self._index + 2]
        return following[0].text if following else ""

    def _step(self, line: BodyLine, text: str) -> None:
        if self._sasaran_start(line, text):
            return
        if self.in_statement and not self._ends_statement(text):
            return
        self.in_statement = False
        if not self._unnumbered_statement(line, text):
            self._dispatch(line, text)

    def _dispatch(self, line: BodyLine, text: str) -> None:
        current = self.current
        if isinstance(current, Target) and current.awaits_glued:
            current.glued_more = text
        elif isinstance(current, Name) and current.target is None and current.dangling:
            self._continue_name(current, text)
        elif text.isdigit():
            self._label_or_figure(line, text)
        elif _BARE_LABEL.fullmatch(text):
            self._push_label(text, line.number)
        elif text == "-" and self.pending:
            self._new_target(line, text, "", text)
        elif match := _DASH_ITEM.match(text):
            self._new_name(line, "-", "dash", match["text"])
        elif match := _SUB.match(text):
            self._new_name(line, match["label"], "sub", match["text"])
        elif match := _LETTER.match(text):
            self._new_name(line, match["label"], "letter", match["text"])
        elif match := _NUM_TEXT.match(text):
            self._num_text(line, match["label"], match["text"], text)
        elif (match := _FIGURE.match(text)) and self.pending:
            self._figure_line(line, match)
        else:
            self._free_text(line, text)

    # -- sasaran blocks ---------------------------------------------------------------------
    def _start_sasaran(self, number: int, line: int, note: str = "", hinted: bool = False) -> None:
        self.strays.extend(self._queued())
        self._reset_block()
        self.sasaran.append(Sasaran(number, line, note, hinted))
        self._segment += 1

    def _sasaran_start(self, line: BodyLine, text: str) -> bool:
        """'3.' before a statement, or '4. Meningkatnya …': the next sasaran (or a later one)."""
        bare = re.fullmatch(r"(\d+)\.", text)
        numbered = re.match(r"(\d+)\.\s+(\S+)", text)
        if bare:
            number, word = int(bare[1]), _first_word(self._next_text())
        elif numbered:
            number, word = int(numbered[1]), numbered[2]
        else:
            return False
        if number <= self.number or not is_nominal(word, numbered=True):
            return False
        self._start_sasaran(number, line.number)
        self.in_statement = True
        return True

    def _ends_statement(self, text: str) -> bool:
        """A statement runs until a row number, a labelled name or a dash item."""
        return bool(
            _BARE_LABEL.fullmatch(text)
            or _SUB.match(text)
            or _NUM_TEXT.match(text)
            or _DASH_ITEM.match(text)
        )

    def _unnumbered_statement(self, line: BodyLine, text: str) -> bool:
        """A statement printed without its number, after the previous block's last figure."""
        if isinstance(self.current, Name | Cell) or not self.sasaran:
            return False
        if not is_nominal(_first_word(text), numbered=False):
            return False
        number, since = self.number + 1, self.sasaran[-1].line
        printed = [*self.strays, *self._queued()]
        strays = [at for value, at in printed if value == number and at > since]
        note = f"sasaran_no inferred: no number printed with the statement at line {line.number}"
        if strays:
            note += f" (stray '{number}.' at line {strays[-1]})"
        self._start_sasaran(number, line.number, note)
        self.in_statement = True
        return True

    def _queued(self) -> list[tuple[int, int]]:
        return [(int(label.rstrip(".")), at) for label, at in self.queue if label[0].isdigit()]

    def _unprinted_sasaran(self, line: BodyLine) -> None:
        """Group numbering restarts with no statement: a block printed without number."""
        hint = self.breaks.get(line.number, {})
        number = int(hint.get("sasaran_no", self.number + 1))
        note = f"{UNPRINTED}; {hint['reason']}" if hint.get("reason") else ""
        self._start_sasaran(number, line.number, note, hinted=bool(hint))
        self.sasaran[-1].unprinted = not hint

    # -- labels and names -------------------------------------------------------------------
    def _push_label(self, label: str, number: int) -> None:
        if not self.queue or self.queue[-1][0] != label:
            self.queue.append((label, number))
        self.current = None

    def _label_or_figure(self, line: BodyLine, text: str) -> None:
        """A lone number is a figure while a name waits for one, else a row number."""
        if self.pending:
            self._new_target(line, text, "", text)
        else:
            self._push_label(text, line.number)

    def _num_text(self, line: BodyLine, label: str, rest: str, text: str) -> None:
        """'5 kasus' is a figure with its unit; '5 Persentase SKPD' a numbered name."""
        unit_like = len(rest.split()) == 1 or rest[0].islower()
        match = _FIGURE.match(text)
        if not label.endswith(".") and self.pending and unit_like and match:
            self._figure_line(line, match)
        else:
            self._new_name(line, label, "num", rest)

    def _new_name(self, line: BodyLine, printed: str, kind: str, text: str) -> Name:
        label = printed.rstrip(".)")
        self._close_recent(label, kind)
        if kind == "num" and label == "1" and (self.last_num or 0) > 1:
            self._unprinted_sasaran(line)
        if kind == "num":
            self.last_num = int(label)
        name = Name(line.number, label, printed, kind, self._segment)
        self._attach_parent(name)
        self.names.append(name)
        self.pending.append(name)
        self.current = name
        trailing = _TRAILING_FIGURE.match(text)
        name.parts.append(trailing["name"] if trailing else text)
        if trailing:
            printed_figure = text[len(trailing["name"]) :].strip()
            self._new_target(line, trailing["fig"], trailing["rp"] or "", printed_figure, name)
        return name

    def _close_recent(self, label: str, kind: str) -> None:
        """A first sub-label ('a', '1', '-') turns the name before it into its heading."""
        recent = self.recent
        if recent is None or label not in _FIRST_LABELS or recent.rank <= _RANK[kind]:
            return
        if recent.target is None and kind == "dash":
            self._make_dash_parent(recent)
        elif recent.target is None:
            self._make_heading(recent)
        elif recent.kind:
            self._make_figured_heading(recent)

    def _attach_parent(self, name: Name) -> None:
        if self.parent is not None and name.rank >= self.parent.rank:
            self.parent = None
        if self.parent is not None:
            name.parent = self.parent
            self.parent.children.append(name)

    def _make_dash_parent(self, name: Name) -> None:
        """'3 Terbangunnya …' then '- e - Office': the dash items are its rows."""
        self.pending.remove(name)
        name.cell = name.cells[0] if name.cells else None
        self.parent = name

    def _make_heading(self, name: Name) -> None:
        self.pending.remove(name)
        name.heading = True
        heading = self.headings.get(self._segment) if not name.label else None
        if heading is None:  # an unlabelled sub-heading stays in its labelled group
            self._segment += 1
            name.segment = self._segment
            self.headings[self._segment] = heading = name
            self.heading_kinds.add(name.kind)
            if name.kind == "letter":
                self.last_num = None
        self._place_heading_cells(heading, name.cells)

    def _place_heading_cells(self, heading: Name, cells: list[Cell]) -> None:
        """A cell after a wide gap is the group's; one printed close by is its first row's."""
        if cells and cells[0].gap >= GROUP_CELL_GAP:
            heading.cell = heading.cell or cells[0]
        elif cells:
            self.floating = cells[0]

    def _make_figured_heading(self, name: Name) -> None:
        name.figured_heading = True
        self._segment += 1
        name.segment = self._segment
        self.headings[self._segment] = name
        self.parent = name

    def _continue_name(self, name: Name, text: str) -> None:
        name.parts.append(text)
        self.current = name

    # -- figures ----------------------------------------------------------------------------
    def _figure_line(self, line: BodyLine, match: re.Match[str]) -> None:
        """A line starting with a figure; the rest is its unit, an agency or a full stop."""
        target = self._new_target(line, match["fig"], match["rp"] or "", line.text)
        rest = match["rest"]
        stripped = rest.strip()
        if not stripped:
            return
        if starts_agency(stripped):
            self._new_cell(line, stripped)
        elif stripped == ".":
            target.trailing_stop = True
        elif rest.startswith(" "):
            target.rest = stripped
        else:
            target.glued = stripped

    def _new_target(
        self, line: BodyLine, raw: str, prefix: str, printed: str, name: Name | None = None
    ) -> Target:
        """A figure goes to the name printed on its line, else to the oldest name waiting."""
        if name is None and not self.pending:
            raise DataError(f"PK targets table: figure {raw!r} at line {line.number} has no name")
        name = name or self.pending[0]
        self.pending.remove(name)
        self.strays.extend(self._queued())
        self.queue = []
        target = Target(line.number, raw.replace(" ", ""), printed, name, prefix.strip())
        target.unit_before, self.unit_before = self.unit_before, ""
        name.target = target
        if self.floating is not None and name.cell is None:
            name.cell, self.floating = self.floating, None
        self.targets.append(target)
        self.current = target
        return target

    # -- agency cells and other text --------------------------------------------------------
    def _new_cell(self, line: BodyLine, text: str) -> Cell:
        """An agency cell: of the name waiting before it, beside the last figure, or the next."""
        block = self.sasaran[-1].line if self.sasaran else 0
        cell = Cell([line.number], [text], line.gap, block)
        self.cells.append(cell)
        self.block_cells.append(cell)
        recent, current = self.recent, self.current
        heading = self.headings.get(self._segment)
        if isinstance(current, Cell) and current.text == text and heading is not None:
            heading.repeated = [current, cell]  # printed twice: the group's agency
        elif recent is not None and recent in self.pending and not self._figure_since(recent):
            recent.cells.append(cell)
        elif isinstance(current, Target) and current.name.cell is None:
            current.name.cell = cell
        else:
            self.floating = cell
        self.current = cell
        return cell

    def _figure_since(self, name: Name) -> bool:
        return bool(self.targets) and self.targets[-1].line >= name.line

    def _free_text(self, line: BodyLine, text: str) -> None:
        current = self.current
        if isinstance(current, Cell) and not line.lead:
            self._cell_text(line, current, text)
        elif starts_agency(text):
            self._new_cell(line, text)
        elif line.lead and text[0].islower() and self.recent is not None:
            self._continue_name(self.recent, text)
        elif isinstance(current, Target) and current.unit_open and not line.lead:
            current.unit_lines.append(text)
        elif isinstance(current, Target) and _REMARK.match(text):
            current.remark = text
        elif self.queue and (not isinstance(current, Name) or current.complete):
            label = self.queue.pop(0)[0]
            self._new_name(line, label, "num" if label[0].isdigit() else "letter", text)
        else:
            self._other_text(line, text)

    def _other_text(self, line: BodyLine, text: str) -> None:
        current, recent = self.current, self.recent
        if line.lead and text[0].isupper() and recent is not None and self._heading_level(recent):
            self._unlabelled_name(line, recent, text)
        elif isinstance(current, Name):
            self._name_or_unit(current, text)
        elif (tail := self._cut_cell()) is not None:
            self._extend_cell(tail, line, text)
        else:
            self._new_cell(line, text)

    def _cut_cell(self) -> Cell | None:
        """The block's last agency cell when it was cut off after ',' or 'dan'."""
        last = self.block_cells[-1] if self.block_cells else None
        return last if last is not None and not last.complete else None

    def _heading_level(self, name: Name) -> bool:
        """Labelled like the block's group headings, and not yet one itself."""
        return bool(name.kind) and name.kind in self.heading_kinds and not name.heading

    def _unlabelled_name(self, line: BodyLine, recent: Name, text: str) -> None:
        """A new run of text under a heading-level name: a row printed without a number."""
        if recent.target is None:
            self._make_heading(recent)
        else:
            self._make_figured_heading(recent)
        self._new_name(line, "", "", text)

    def _name_or_unit(self, name: Name, text: str) -> None:
        """A lone word after a complete name and before its figure is the unit ('Kategori')."""
        following = self._next_text()
        if name.complete and len(text.split()) == 1 and following and _FIGURE.match(following):
            self.unit_before = text
        else:
            self._continue_name(name, text)

    def _cell_text(self, line: BodyLine, cell: Cell, text: str) -> None:
        """More of an agency cell; a row label inside the line starts the next row's name."""
        if starts_agency(text) and cell.complete:
            self._new_cell(line, text)
        elif inline := _INLINE_LABEL.match(text):
            self._extend_cell(cell, line, inline["head"])
            self._dispatch(line, inline["tail"])
        else:
            self._extend_cell(cell, line, text)

    def _extend_cell(self, cell: Cell, line: BodyLine, text: str) -> None:
        cell.lines.append(line.number)
        cell.parts.append(text)
        self.current = cell


# -- locating the table ---------------------------------------------------------------------
@dataclass(frozen=True)
class TableSpan:
    """Where the table is: its label ('Tabel 2.2'), its year and its body's lines."""

    table: str
    year: int
    heading_line: int
    first: int
    last: int


def locate_table(lines: Sequence[str], first: int, last: int) -> TableSpan:
    """Find the caption within lines `first`..`last` (1-based); the body ends at the prose."""
    heading = next((n for n in range(first, last + 1) if HEADING.match(lines[n - 1])), None)
    if heading is None:
        raise DataError(f"No 'Target Perjanjian Kinerja Tahun …' caption in lines {first}-{last}")
    match = HEADING.match(lines[heading - 1])
    assert match is not None
    window = range(heading + 1, min(heading + HEADER_LINES, last) + 1)
    header_end = next((n for n in window if COLUMN_NUMBERS.match(lines[n - 1])), heading)
    body_end = header_end
    for number in range(header_end + 1, last + 1):
        if len(normalise_whitespace(lines[number - 1])) > PROSE_WIDTH:
            break
        body_end = number
    table = normalise_whitespace(match["table"])
    return TableSpan(table, int(match["year"]), heading, header_end + 1, body_end)


def furniture_lines(lines: Sequence[str], first: int, last: int) -> set[int]:
    """Page headers and footers inside lines `first`..`last` of a document.

    A running header is an upper-case line the document repeats on several pages; from it to
    the next 'BAB … <page>' footer (the page's furniture block) every line is dropped.
    """
    texts = [normalise_whitespace(line) for line in lines[first - 1 : last]]
    counts = Counter(text for text in texts if text.isupper() and len(text.split()) >= 3)
    headers = {text for text, count in counts.items() if count >= 3}
    dropped: set[int] = set()
    for offset, text in enumerate(texts):
        if _FOOTER.match(text):
            dropped.add(first + offset)
        if text not in headers:
            continue
        dropped.add(first + offset)
        ahead = range(offset + 1, min(offset + 16, len(texts)))
        footer = next((k for k in ahead if _FOOTER.match(texts[k])), None)
        if footer is not None:
            dropped.update(range(first + offset, first + footer + 1))
    return dropped


def body_lines(lines: Sequence[str], span: TableSpan, dropped: set[int]) -> list[BodyLine]:
    """The non-blank body lines of the table, page furniture left out."""
    body: list[BodyLine] = []
    gap = 0
    for number in range(span.first, span.last + 1):
        raw = lines[number - 1]
        if number in dropped:
            continue
        if not raw.strip():
            gap += 1
            continue
        body.append(BodyLine(number, normalise_whitespace(raw), raw[:1].isspace(), gap))
        gap = 0
    return body


# -- sasaran printed without number or statement --------------------------------------------
@dataclass(frozen=True)
class Section:
    """A 'Sasaran <roman>: …' section of the report's table of targets per sasaran."""

    roman: str
    number: int
    table: str
    text: str
    """The section's text, whitespace normalised and lower case, for finding names in it."""


def roman_to_int(roman: str) -> int:
    """The value of a Roman numeral.

    Examples:
        >>> roman_to_int("XIV"), roman_to_int("IX")
        (14, 9)
    """
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for char, following in zip(roman, [*roman[1:], ""], strict=True):
        value = values[char]
        total += -value if following and values[following] > value else value
    return total


def sasaran_sections(lines: Sequence[str], first: int, last: int) -> list[Section]:
    """The 'Sasaran <roman>:' sections in lines `first`..`last`, with their table's label."""
    starts = [n for n in range(first, last + 1) if _SECTION.match(lines[n - 1])]
    if not starts:
        return []
    before = normalise_whitespace(" ".join(lines[max(first, starts[0] - 20) - 1 : starts[0] - 1]))
    labels = _TABLE_LABEL.findall(before)
    table = f"Tabel {labels[-1]}" if labels else "the table of targets per sasaran"
    sections = []
    for start, end in zip(starts, [*starts[1:], last + 1], strict=True):
        match = _SECTION.match(lines[start - 1])
        assert match is not None
        text = normalise_whitespace(" ".join(lines[start - 1 : end - 1])).lower()
        sections.append(Section(match["roman"], roman_to_int(match["roman"]), table, text))
    return sections


def number_unprinted(
    rows: Sequence[Row], blocks: Sequence[Sasaran], sections: list[Section]
) -> None:
    """Number each block printed bare by the section that lists most of its indicators.

    Sections whose number a printed block already has are left out; with no match or a tie the
    block keeps the next number, and its note says the numbering only follows the layout.
    """
    taken = {block.number for block in blocks if not block.unprinted}
    for block in (b for b in blocks if b.unprinted):
        names = [row.name.text.lower() for row in rows if row.sasaran is block]
        candidates = [section for section in sections if section.number not in taken]
        scores = Counter({s: sum(n in s.text for n in names) for s in candidates})
        ranked = scores.most_common(2)
        if ranked and ranked[0][1] and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            section = ranked[0][0]
            block.number = section.number
            block.note = f"{UNPRINTED}; indicators are sasaran {section.roman} of {section.table}"
        else:
            block.note = f"{UNPRINTED} (group numbering restarts at line {block.line})"


# -- rows and their notes -------------------------------------------------------------------
@dataclass
class Row:
    """One output row under construction: a figure, its name, and the notes it needs."""

    target: Target
    sasaran: Sasaran
    hint: dict
    agency: str = ""
    fragments: dict[str, list[str]] = field(default_factory=dict)

    @property
    def name(self) -> Name:
        return self.target.name

    @property
    def indicator_no(self) -> str:
        parent = self.name.parent
        return parent.label if self.name.kind == "dash" and parent is not None else self.name.label

    @property
    def indicator_name(self) -> str:
        parent = self.name.parent
        if "name" in self.hint:
            return str(self.hint["name"])
        if self.name.kind == "dash" and parent is not None:
            return f"{parent.text}: {self.name.text}"
        return self.name.text

    @property
    def unit(self) -> str:
        """The unit printed with the figure, else one closing the name ('… (Tahun)', '… %')."""
        suffix = _NAME_UNIT.search(self.name.text)
        fallback = suffix["unit"] if suffix else ("%" if self.name.text.endswith(" %") else "")
        return self.target.unit() or fallback

    def add(self, kind: str, fragment: str) -> None:
        if fragment:
            self.fragments.setdefault(kind, []).append(fragment)


def compose_note(fragments: dict[str, list[str]]) -> str:
    """Join note fragments in `NOTE_ORDER` into one sentence.

    Examples:
        >>> compose_note({"agency": ["agency from line 5"], "style": ["us style"]})
        'Us style; agency from line 5.'
        >>> compose_note({})
        ''
    """
    parts = [part for kind in NOTE_ORDER for part in fragments.get(kind, [])]
    if not parts:
        return ""
    text = "; ".join(parts)
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else f"{text}."


def read_style(raw: str, usual: str) -> tuple[str, str, str]:
    """The number style of a printed figure: (style, judgment, separator).

    Judgment is '' (plain), 'other' (not the table's usual style) or 'ambiguous' (one
    separator followed by three digits, read in the usual style).

    Examples:
        >>> read_style("1.22%", "id")
        ('us', 'other', '.')
        >>> read_style("1.686", "id")
        ('id', 'ambiguous', '.')
        >>> read_style("WTP", "id")
        ('auto', '', '')
    """
    if parse_figure(raw).kind in ("category", "missing"):
        return "auto", "", ""
    digits = raw.removesuffix("%").split(":")[-1]
    dot, comma = "." in digits, "," in digits
    if dot and comma:
        style = "id" if digits.rfind(",") > digits.rfind(".") else "us"
        return style, "" if style == usual else "other", ""
    if not (dot or comma):
        return usual, "", ""
    separator = "." if dot else ","
    groups = digits.split(separator)
    if len(groups) == 2 and len(groups[1]) == 3:
        return usual, "ambiguous", separator
    grouped = len(groups) > 2
    style = "id" if (separator == ",") != grouped else "us"
    return style, "" if style == usual else "other", separator


def usual_style(raws: Sequence[str]) -> str:
    """The table's usual number style: the one most of its figures are printed in."""
    styles = Counter(read_style(raw, "id")[0] for raw in raws)
    return "us" if styles["us"] > styles["id"] else "id"


def style_fragment(raw: str, usual: str, reason: str | None = None) -> str:
    """The note on a figure printed in another style, or read one way though ambiguous."""
    style, judgment, separator = read_style(raw, usual)
    decimal = {"id": ",", "us": "."}
    if judgment == "other":
        return (
            f"{style} style: '{decimal[style]}' is the decimal mark here, "
            f"unlike the table's usual '{decimal[usual]}'"
        )
    if judgment != "ambiguous":
        return ""
    role = "decimal mark" if separator == decimal[usual] else "thousands separator"
    leading_zero = raw.split(":")[-1].startswith(f"0{separator}")
    if reason is None and role == "decimal mark" and leading_zero:
        reason = "a leading '0' cannot start a thousands group"
    reason = reason or "the table's usual style"
    return f"ambiguous '{raw}': '{separator}' read as {role}, {usual} style ({reason})"


def print_fragments(row: Row, previous: Row | None) -> list[str]:
    """How the figure was printed, where reading it took judgment."""
    target = row.target
    fragments: list[str] = []
    if target.glued_more:
        fragments.append(f"printed '{target.raw}{target.glued}' then '{target.glued_more}'")
    elif len(target.glued) > 1:  # a one-letter unit ('3.150M') is a symbol, like '%'
        fragments.append(f"printed run together with its unit as '{target.raw}{target.glued}'")
    if target.trailing_stop:
        fragments.append(f"printed '{target.printed}' with a trailing full stop")
    parser = parse_figure(target.raw).note
    if "malformed" in parser:
        fragments.append(f"parser: {parser}")
    elif parse_figure(target.raw).kind == "category" and re.search(r"\d", target.raw):
        fragments.append(
            f"malformed figure '{target.raw}' kept whole, so parse_figure gives no value"
        )
    if target.remark:
        fragments.append(f"'{target.remark}' follows")
    if previous is not None and printed_twice(previous, row):
        fragments.append(
            f"row printed twice: sub-rows {previous.indicator_no} and {row.indicator_no} "
            "have the same name and figure"
        )
    return fragments


def printed_twice(previous: Row, row: Row) -> bool:
    """Whether `row` repeats the row before it, name and figure."""
    return (previous.indicator_name, previous.target.raw) == (row.indicator_name, row.target.raw)


def heading_fragment(row: Row) -> str:
    """The note on a figure printed beside a group heading, before the group's rows."""
    name = row.name
    if not name.figured_heading or row.hint.get("heading_figure") is False:
        return ""
    labels = [child.printed_label for child in name.children if child.printed_label]
    text = "figure printed beside the group heading itself"
    return f"{text}, before sub-rows {_and(labels)}" if labels else text


def paired_by_order(rows: Sequence[Row]) -> set[int]:
    """Rows whose name and figure have another row's name or figure printed between them."""
    spans = [(row.name.line, row.target.line) for row in rows]
    return {
        i
        for i, (start, end) in enumerate(spans)
        if any(
            j != i and other < end and start < other_end
            for j, (other, other_end) in enumerate(spans)
        )
    }


# -- agency ---------------------------------------------------------------------------------
def resolve_agency(row: Row, segment: Sequence[Row], reader: Reader) -> tuple[str, str]:
    """A row's agency and the note fragment saying where it came from ('' when beside it).

    In order: the cell printed beside the row; its parent's (dash items, rows under a heading
    row); the group's cell, or the cell its group repeats; a cell of the same group, before or
    after the row; the cells around a group printed with none, when they agree.
    """
    name = row.name
    if name.cell is not None:
        return name.cell.text, ""
    if name.parent is not None and name.parent.cell is not None:
        return name.parent.cell.text, ""
    heading = reader.headings.get(name.segment)
    if heading is not None and not heading.figured_heading and heading.cell is not None:
        cell = heading.cell
        group = f"'{heading.caption()}' ({cell.lines_ref()})"
        return cell.text, f"agency printed once for the group {group}"
    if heading is not None and heading.repeated:
        lines = ", ".join(str(cell.lines[0]) for cell in heading.repeated)
        group = f"'{heading.caption()}' (lines {lines})"
        return heading.repeated[0].text, f"agency printed for the group {group}"
    index = segment.index(row)
    before = [r.name.cell for r in segment[:index] if r.name.cell is not None]
    after = [r.name.cell for r in segment[index + 1 :] if r.name.cell is not None]
    if before or after:
        return carried(before[-1] if before else None, after[0] if after else None)
    return neighbours(segment, reader)


def carried(before: Cell | None, after: Cell | None) -> tuple[str, str]:
    """The agency of a row with none beside it, from its group's other rows."""
    if before is not None and after is not None and before.text != after.text:
        return "", (
            "agency left empty: none printed beside this row, cells at lines "
            f"{before.span()} and {after.span()} could each be its"
        )
    cell = before or after
    assert cell is not None
    source = f"the cell at line {cell.lines[0]}"
    return cell.text, f"agency not printed beside this row: taken from {source}"


def neighbours(segment: Sequence[Row], reader: Reader) -> tuple[str, str]:
    """A group printed with no agency cell: the cells just before and after it, if they agree."""
    heading = reader.headings.get(segment[0].name.segment)
    start = heading.line if heading is not None else segment[0].name.line
    end = max(row.target.line for row in segment)
    cells = [cell for cell in reader.cells if cell.block == segment[0].sasaran.line]
    before = [cell for cell in cells if cell.lines[0] < start]
    after = [cell for cell in cells if cell.lines[0] > end]
    if before and after and before[-1].text == after[0].text:
        lines = f"lines {before[-1].lines[0]}, {after[0].lines[0]}"
        note = f"agency not printed for this group: taken from the neighbouring cells ({lines})"
        return before[-1].text, note
    return "", "no agency printed for this row"


# -- hints ----------------------------------------------------------------------------------
def row_hints(document: dict) -> dict[int, dict]:
    """The row hints of a hints file, by source_line, each with the fields it sets."""
    by_line: dict[int, dict] = {}
    for entry in document.get("rows", []):
        unknown = set(entry) - ROW_HINT_FIELDS - {"lines", "why"}
        if unknown or not entry.get("why") or not entry.get("lines"):
            raise DataError(f"Row hint {entry} needs 'lines' and 'why'; unknown keys {unknown}")
        for line in entry["lines"]:
            fields = by_line.setdefault(int(line), {})
            clash = set(fields) & (set(entry) & ROW_HINT_FIELDS)
            if clash:
                raise DataError(f"Row hints for line {line} set {sorted(clash)} twice")
            fields.update({key: value for key, value in entry.items() if key in ROW_HINT_FIELDS})
    return by_line


# -- the step -------------------------------------------------------------------------------
def build_rows(reader: Reader, hinted: dict[int, dict]) -> list[Row]:
    """One row per printed figure, in print order, each in the sasaran block it is printed in."""
    rows = []
    for target in sorted(reader.targets, key=lambda t: t.line):
        blocks = [block for block in reader.sasaran if block.line <= target.name.line]
        if not blocks:
            raise DataError(f"PK targets table: row at line {target.line} is before any sasaran")
        rows.append(Row(target, blocks[-1], hinted.get(target.line, {})))
    return rows


def annotate(rows: Sequence[Row], reader: Reader) -> None:
    """Give every row its agency and the note fragments its reading needed."""
    usual = usual_style([row.target.raw for row in rows])
    paired = paired_by_order(rows)
    for index, row in enumerate(rows):
        hint = row.hint
        if index in paired and hint.get("pairing", True):
            row.add("pairing", PAIRED)
        row.add("heading", heading_fragment(row))
        printed = print_fragments(row, rows[index - 1] if index else None)
        for fragment in [hint["print_note"]] if "print_note" in hint else printed:
            row.add("print", fragment)
        row.add("style", style_fragment(row.target.raw, usual, hint.get("reason")))
        key = (row.sasaran.line, row.name.segment)
        segment = [r for r in rows if (r.sasaran.line, r.name.segment) == key]
        agency, note = resolve_agency(row, segment, reader)
        row.agency = str(hint.get("agency", agency))
        row.add("agency", str(hint.get("agency_note", note)))
        row.add("sasaran", row.sasaran.note)


def to_frame(rows: Sequence[Row], span: TableSpan) -> pd.DataFrame:
    """The printed table: the committed columns, one row per figure."""
    usual = usual_style([row.target.raw for row in rows])
    records = []
    for row in rows:
        style = read_style(row.target.raw, usual)[0]
        records.append(
            {
                "sasaran_no": row.sasaran.number,
                "indicator_no": row.indicator_no,
                "indicator_name": row.indicator_name,
                "unit": row.unit,
                "agency": row.agency,
                "year": span.year,
                "measure": MEASURE,
                "source_table": span.table,
                "source_line": row.target.line,
                "raw": row.target.raw,
                "number_style": style,
                "value": parse_figure(row.target.raw, style).value,
                "parse_note": compose_note(row.fragments),
            }
        )
    return pd.DataFrame.from_records(records, columns=COLUMNS)


def _document(source: Source, kind: str) -> Document:
    for document in source.origin.documents:
        if document.kind == kind and document.lines is not None:
            return document
    raise DataError(f"Source {source.id} has no {kind} document with text")


def read_table(
    lines: Sequence[str], first: int, last: int, document_hints: dict
) -> tuple[pd.DataFrame, pd.Series]:
    """Read the table from the LKjIP in lines `first`..`last`: its rows and which are curated."""
    span = locate_table(lines, first, last)
    breaks = {int(item["line"]): item for item in document_hints.get("sasaran_breaks", [])}
    hinted = row_hints(document_hints)
    reader = Reader(body_lines(lines, span, furniture_lines(lines, first, last)), breaks).read()
    rows = build_rows(reader, hinted)
    unused = set(hinted) - {row.target.line for row in rows}
    unused_breaks = set(breaks) - {block.line for block in reader.sasaran if block.hinted}
    if unused or unused_breaks:
        lines_named = sorted(unused | unused_breaks)
        raise DataError(f"Hints for {TABLE} name lines with no row or block: {lines_named}")
    number_unprinted(rows, reader.sasaran, sasaran_sections(lines, first, span.heading_line - 1))
    annotate(rows, reader)
    frame = to_frame(rows, span)
    curated = pd.Series([bool(row.hint) or row.sasaran.hinted for row in rows], index=frame.index)
    return frame, curated


def run(source: Source) -> Extracted:
    """Read the LKjIP's table of performance-agreement targets from `source`."""
    document = _document(source, "LKjIP")
    assert document.lines is not None
    frame, curated = read_table(source.lines, *document.lines, hints(source, TABLE))
    return Extracted(frame, curated)


STEP = Step(
    table=TABLE,
    run=run,
    description=(
        "Reads the LKjIP's table of performance-agreement targets (Target Perjanjian Kinerja) "
        "line by line, pairing names and figures in print order and resolving each row's agency "
        "cell; hints carry the transcriber's readings of merged or split agency cells, the "
        "reasons for ambiguous figures and misprints."
    ),
)
