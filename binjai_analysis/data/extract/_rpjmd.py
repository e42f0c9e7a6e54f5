"""Layout reader of the RPJMD targets table (Tabel 2.4 of an LKjIP): text lines to table rows.

The PDF text layer prints the table column by column inside each row: the row number and the
first lines of the indicator's name, then the yearly figures (each perhaps followed by its unit on
the same or a later line), then sometimes the rest of the name. The reader walks the lines with a
small state machine and relies on a few traits of the text layer, each checked on the whole table:

- a line without trailing whitespace continues on the next non-blank line with no space between
  (`11,91` + `%`, `Org/tahu` + `n`); a word cut before a figure line continues after it;
- a line with leading whitespace, a line holding only one to three spaces, and a row number start
  a new text block; a line of four or more spaces closes a group label (a row spanning the table,
  e.g. 'Indeks Kesehatan');
- a row has one figure per plan year, so the figure count tells when its cells are complete.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

CAPTION = re.compile(r"\bTARGET\s+RENCANA\s+KINERJA\b", re.IGNORECASE)
"""The table's caption, printed under its 'Tabel n.n' label."""
TABLE_LABEL = re.compile(r"\bTabel\s+(\d+(?:\.\d+)*)", re.IGNORECASE)
SASARAN = re.compile(r"^\s*Sasaran\s+([IVXLC]+)\s*:")
HEADER_START = re.compile(r"^\s*No\b")
NUMBER_LINE = re.compile(r"^\s*(\d{1,3})(\.?)(?=\s|$)\s*(.*)$")
RUNNING_HEADER = re.compile(r"^\s*LAPORAN\s+KINERJA\b")
PAGE_FOOTER = re.compile(r"^\s*BAB\s*\.?\s*[IVXL]+\s+\d+\s*$")
PAGE_FURNITURE_LINES = 16
"""At most this many lines from a running header to its page footer."""
CHAPTER_WORD = re.compile(r"^[A-Z]{4,}$")
FIGURE = re.compile(r"^(?P<num>\.?\d(?:[\d.,]*\d)?)(?P<pct>%?)(?P<rest>.*)$")
RATIO = re.compile(r"^1\s*:\s*(?P<num>\d[\d.,]*)?$")
MISSING = frozenset({"-", "–", "—"})
CATEGORIES = frozenset({"WTP", "WDP", "TMP", "TW", "AA", "A", "BB", "B", "CC", "C", "D"})
"""Graded targets: BPK audit opinions and SAKIP accountability grades."""
CURRENCY = frozenset({"Rp", "Rp."})
TERMINATOR_WIDTH = 4
"""A whitespace-only line at least this wide closes a group label; a narrower one separates."""


@dataclass
class Token:
    """A whitespace-separated word; one printed over several lines keeps each line's piece."""

    pieces: list[tuple[str, int]]

    @property
    def text(self) -> str:
        return "".join(piece for piece, _ in self.pieces)

    @property
    def line(self) -> int:
        return self.pieces[0][1]


@dataclass
class Logical:
    """A source line with the lines glued to it (no whitespace between them in the text)."""

    parts: list[tuple[str, int]]
    indented: bool
    open_end: bool = False
    """The last word is cut and continues in the next text line after a figure line."""

    @property
    def first(self) -> int:
        return self.parts[0][1]

    @property
    def last(self) -> int:
        return self.parts[-1][1]

    def tokens(self) -> list[Token]:
        out: list[Token] = []
        for index, (text, line) in enumerate(self.parts):
            for position, word in enumerate(text.split()):
                if index and not position and out:
                    out[-1].pieces.append((word, line))
                else:
                    out.append(Token([(word, line)]))
        return out


@dataclass
class Fragment:
    """A piece of an indicator's name as printed on one (glued) line."""

    text: str
    line: int
    open_end: bool = False
    number_line: bool = False
    """Printed on the row-number line, after the number."""


@dataclass
class Cell:
    """One printed figure and what was printed around it."""

    token: Token
    kind: str
    """'figure', 'missing' or 'category'."""
    pieces: list[str]
    """The figure as printed on each line it spans (one item unless split over lines)."""
    attached: str = ""
    """A unit printed run together with the figure (`1670Orang` -> 'Orang')."""
    percent: bool = False
    prefix: str = ""
    """A currency printed before the figure ('Rp.')."""
    units: list[str] = field(default_factory=list)
    """Unit words printed after the figure, before the next one."""
    remarks: list[Token] = field(default_factory=list)
    ratio_line: int | None = None
    """The line of a '1:' printed apart from the ratio's number."""
    full_stop: bool = False

    @property
    def line(self) -> int:
        return self.token.line

    @property
    def start_line(self) -> int:
        """Where the figure as read starts: at a lone '1:' when the ratio's number is whole."""
        if self.ratio_line is not None and len(self.pieces) == 1:
            return self.ratio_line
        return self.line

    @property
    def unit(self) -> str:
        """The unit printed with this figure, '%' for a percentage; '' if none."""
        suffix = " ".join(filter(None, [self.attached, *self.units]))
        if suffix.startswith("(") and suffix.endswith(")") and suffix.count("(") == 1:
            suffix = suffix[1:-1]
        text = " ".join(filter(None, [self.prefix, suffix]))
        return text or ("%" if self.percent else "")


@dataclass
class Block:
    """Consecutive text lines between figures: part of a name, a unit or a group label."""

    fragments: list[Fragment]
    number: str | None = None
    indented: bool = False
    immediate: bool = False
    """Starts on the line right after the previous row's last figure line."""

    @property
    def text(self) -> str:
        return " ".join(fragment.text for fragment in self.fragments)


@dataclass
class Row:
    """One indicator row of the table as laid out in the text."""

    sasaran: int
    number: str | None
    fragments: list[Fragment]
    cells: list[Cell] = field(default_factory=list)
    expected: int = 0
    last_line: int = 0
    ratio_prefix: Token | None = None
    currency: str = ""
    previous_number: str | None = None
    """The number printed last before this row in its section (a row's or a label's)."""

    @property
    def complete(self) -> bool:
        return len(self.cells) >= self.expected

    @property
    def printed_units(self) -> set[str]:
        return {cell.unit for cell in self.cells if cell.unit}


@dataclass
class Layout:
    """The table read from the text: its label, plan years and rows, in printed order."""

    label: str
    caption_line: int
    years: list[int]
    rows: list[Row]


def roman(numeral: str) -> int:
    """The value of a Roman numeral.

    Examples:
        >>> roman("XIV"), roman("IX"), roman("VIII")
        (14, 9, 8)
    """
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for here, after in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[here]
        total += -value if after and values[after] > value else value
    return total


def figure_match(text: str) -> re.Match[str] | None:
    """The figure at the start of `text` if it is one (maybe run together with a unit).

    Examples:
        >>> figure_match("1670Orang").group("num", "rest")
        ('1670', 'Orang')
        >>> figure_match("1995-2005") is None
        True
    """
    match = FIGURE.match(text)
    if match is None:
        return None
    rest = match["rest"]
    if rest in ("", ".") or rest[0].isalpha():
        return match
    return None


def is_cell_word(token: Token) -> bool:
    """Whether a word is a figure, a missing mark, a ratio or a grade."""
    text = token.text
    return (
        text in MISSING
        or text in CATEGORIES
        or RATIO.match(text) is not None
        or figure_match(text) is not None
    )


def starts_cells(tokens: Sequence[Token], index: int, *, strict: bool) -> bool:
    """Whether the figures start at `tokens[index]`.

    After name words (`strict`), a bare integer is part of the name ('umur 15'); a decimal, a
    percentage, a dash, a unit run together with its figure or a currency before a figure is not.
    """
    text = tokens[index].text
    if text in CURRENCY:
        return index + 1 < len(tokens) and figure_match(tokens[index + 1].text) is not None
    if text in MISSING or RATIO.match(text):
        return True
    match = figure_match(text)
    if match is None:
        return False
    if not strict:
        return True
    return bool(re.search(r"[.,]", match["num"]) or match["pct"] or match["rest"][:1].isalpha())


def is_blank(line: str) -> bool:
    return not line.strip()


def strip_page_furniture(lines: Sequence[str], first: int, last: int) -> set[int]:
    """Line numbers of running headers and page footers between `first` and `last`."""
    furniture: set[int] = set()
    for number in range(first, last + 1):
        if not RUNNING_HEADER.match(lines[number - 1]):
            continue
        for end in range(number, min(last, number + PAGE_FURNITURE_LINES) + 1):
            if PAGE_FOOTER.match(lines[end - 1]):
                furniture.update(range(number, end + 1))
                break
    return furniture


def is_chapter_heading(text: str) -> bool:
    """A new chapter's heading: three or more upper-case words, e.g. 'RENCANA PEMBANGUNAN ...'."""
    words = text.split()
    return len(words) >= 3 and all(CHAPTER_WORD.match(word) for word in words)


def glue_lines(lines: Sequence[str], first: int, last: int) -> list[Logical | str]:
    """The lines from `first` to `last` as logical lines; blank ones as their whitespace.

    A line without trailing whitespace is continued by the next non-blank line, unless its cut
    word ends in a letter and a figure line comes first: then the word continues after it.
    """
    furniture = strip_page_furniture(lines, first, last)
    out: list[Logical | str] = []
    consumed: set[int] = set()
    for number in range(first, last + 1):
        if number in consumed or number in furniture:
            continue
        text = lines[number - 1]
        if is_blank(text):
            out.append(text)
            continue
        logical = Logical([(text.strip(), number)], indented=text[:1].isspace())
        current = text
        while current and not current[-1].isspace():
            follow = next_text_line(lines, number=logical.last, last=last, skip=furniture)
            if follow is None:
                break
            following = lines[follow - 1]
            if current[-1].isalpha() and is_cell_line_text(following):
                logical.open_end = True
                break
            logical.parts.append((following.strip(), follow))
            consumed.add(follow)
            current = following
        out.append(logical)
    return out


def next_text_line(lines: Sequence[str], number: int, last: int, skip: set[int]) -> int | None:
    for follow in range(number + 1, last + 1):
        if follow not in skip and not is_blank(lines[follow - 1]):
            return follow
    return None


def is_cell_line(tokens: Sequence[Token]) -> bool:
    """Whether a line starts with figures (or holds only grades, e.g. 'WDP WDP')."""
    if not tokens:
        return False
    grades = all(token.text in CATEGORIES | MISSING for token in tokens)
    return grades or starts_cells(tokens, 0, strict=False)


def is_cell_line_text(text: str) -> bool:
    return is_cell_line([Token([(word, 0)]) for word in text.split()])


def locate(lines: Sequence[str], first: int, last: int) -> tuple[int, str]:
    """The caption line of the table between lines `first` and `last`, and its 'Tabel n.n' label.

    Raises:
        LookupError: no caption, or no 'Tabel' label in the few lines above it.
    """
    for number in range(first, last + 1):
        if CAPTION.search(lines[number - 1]):
            above = " ".join(lines[max(first, number - 6) - 1 : number - 1])
            labels = TABLE_LABEL.findall(" ".join(above.split()))
            if labels:
                return number, f"Tabel {labels[-1]}"
    raise LookupError("No 'TARGET RENCANA KINERJA' caption with a 'Tabel' label above it")


def year_line(text: str) -> list[int] | None:
    """The plan years of a header line of consecutive years; None for any other line.

    Examples:
        >>> year_line("1996  1997 1998"), year_line("No Indikator Kinerja")
        ([1996, 1997, 1998], None)
    """
    words = text.split()
    if len(words) < 2 or not all(re.fullmatch(r"\d{4}", word) for word in words):
        return None
    years = [int(word) for word in words]
    if any(b != a + 1 for a, b in itertools.pairwise(years)):
        return None
    return years


class Walker:
    """The state machine that turns logical lines into rows (see the module docstring)."""

    def __init__(self, expected: Callable[[int, int], int]) -> None:
        self.expected = expected
        self.years: list[int] = []
        self.rows: list[Row] = []
        self.pending: list[Block] = []
        self.sasaran = 0
        self.last_number: str | None = None
        self.state = "before"
        self.separated = False
        self.lines: list[Logical | str] = []
        self.position = 0

    @property
    def row(self) -> Row | None:
        return self.rows[-1] if self.rows else None

    def walk(self, logical: list[Logical | str]) -> list[Row]:
        self.lines = logical
        for position, item in enumerate(logical):
            self.position = position
            if isinstance(item, str):
                self.space(item)
            elif self.line(item):
                break
        self.resolve("end")
        return self.rows

    def space(self, text: str) -> None:
        if not text:
            return
        if len(text) >= TERMINATOR_WIDTH and self.state == "free" and not self.in_zone:
            self.resolve("terminator")
        self.separated = True

    @property
    def in_zone(self) -> bool:
        return self.row is not None and not self.row.complete and self.state == "free"

    def line(self, item: Logical) -> bool:
        """Read one logical line; True when the table has ended."""
        text = " ".join(part for part, _ in item.parts)
        heading = SASARAN.match(text)
        if heading:
            self.resolve("heading")
            self.sasaran, self.state = roman(heading[1]), "heading"
            self.last_number = None
            return False
        if self.state == "before":
            return False
        if is_chapter_heading(text):
            return True
        if self.state == "heading":
            if HEADER_START.match(text):
                self.state = "header"
                return False
            if not NUMBER_LINE.match(text):
                return False
            self.state = "free"
        if self.state == "header":
            years = year_line(text)
            if years:
                self.years, self.state, self.separated = years, "free", False
            return False
        if self.in_zone:
            self.zone(item)
        else:
            self.free(item)
        return False

    def zone(self, item: Logical) -> None:
        """A line inside a row's figures: more figures, or unit words of the last figure."""
        tokens = item.tokens()
        assert self.row is not None
        if is_cell_line(tokens):
            self.add_cells(tokens, item)
        else:
            self.attach(tokens)

    def free(self, item: Logical) -> None:
        """A line between rows: name text, a row number, or the first figures of a new row."""
        tokens = item.tokens()
        number = NUMBER_LINE.match(" ".join(token.text for token in tokens))
        if number and self.is_row_number(tokens, number):
            block = Block([], number=number[1], indented=item.indented)
            self.open_block(block, item)
            tokens = tokens[1:]
            self.add_text(tokens, item, number_line=True)
            return
        sandwiched = self.sandwiched(item)
        if is_cell_line(tokens) and self.pending and not sandwiched:
            self.start_row(tokens, item)
            return
        if self.separated or item.indented or not self.pending:
            self.open_block(Block([], indented=item.indented), item)
        if sandwiched:
            self.fragment(tokens, item, number_line=False, open_end=item.open_end)
        else:
            self.add_text(tokens, item, number_line=False)

    def is_row_number(self, tokens: list[Token], number: re.Match[str]) -> bool:
        """Whether a line's leading integer numbers a row (not a figure such as '5 kasus 5')."""
        if number[2] or not self.has_name():
            return True
        rest = tokens[1:]
        return bool(rest) and not any(is_cell_word(token) for token in rest)

    def has_name(self) -> bool:
        """Whether the pending text holds a new row's name (not only the last row's tail)."""
        units = self.row.printed_units if self.row else set()
        return any(
            block.number is not None or not (block.immediate or block.text in units)
            for block in self.pending
        )

    def sandwiched(self, item: Logical) -> bool:
        """A lone number printed between two name lines is part of the name ('per / 10.000')."""
        tokens = item.tokens()
        if len(tokens) != 1 or "%" in tokens[0].text or tokens[0].text in MISSING:
            return False
        before = self.lines[self.position - 1] if self.position else ""
        after = self.lines[self.position + 1] if self.position + 1 < len(self.lines) else ""
        return isinstance(before, Logical) and isinstance(after, Logical)

    def open_block(self, block: Block, item: Logical) -> None:
        row = self.row
        block.immediate = bool(
            not self.pending
            and row is not None
            and row.complete
            and item.first == row.last_line + 1
        )
        self.pending.append(block)
        self.separated = False

    def add_text(self, tokens: list[Token], item: Logical, *, number_line: bool) -> None:
        """Add a line's words to the pending block; figures after them start a new row."""
        for index in range(len(tokens)):
            if starts_cells(tokens, index, strict=True) and (index or self.has_name()):
                self.fragment(tokens[:index], item, number_line, open_end=False)
                self.start_row(tokens[index:], item)
                return
        self.fragment(tokens, item, number_line, open_end=item.open_end)

    def fragment(
        self, words: list[Token], item: Logical, number_line: bool, open_end: bool
    ) -> None:
        if not words:
            return
        text = " ".join(token.text for token in words)
        self.pending[-1].fragments.append(
            Fragment(text, words[0].line, open_end=open_end, number_line=number_line)
        )

    def start_row(self, tokens: list[Token], item: Logical) -> None:
        """Close the pending text (the last row's tail, labels, the new name) and start a row."""
        blocks = self.pending
        numbered = [index for index, block in enumerate(blocks) if block.number is not None]
        split = numbered[-1] if numbered else max(len(blocks) - 1, 0)
        self.pending = blocks[:split]
        self.resolve("cells")
        own = blocks[split:]
        number = own[0].number if own else None
        fragments = [fragment for block in own for fragment in block.fragments]
        row = Row(self.sasaran, number, fragments, expected=len(self.years))
        row.previous_number = self.last_number
        self.last_number = number or self.last_number
        self.rows.append(row)
        self.add_cells(tokens, item)

    def add_cells(self, tokens: list[Token], item: Logical) -> None:
        row = self.row
        assert row is not None
        index = 0
        while index < len(tokens):
            index = self.read_token(row, tokens, index)
        row.last_line = item.last

    def read_token(self, row: Row, tokens: list[Token], index: int) -> int:
        """Read the word at `index` into `row`; the index of the next word to read."""
        token = tokens[index]
        text = token.text
        if text in CURRENCY and starts_cells(tokens, index, strict=False):
            row.currency = text
            return index + 1
        ratio = RATIO.match(text)
        if ratio and ratio["num"] is None:
            row.ratio_prefix = token
            return index + 1
        if text in MISSING:
            self.cell(row, Cell(token, "missing", [text]))
        elif ratio:
            self.cell(row, Cell(token, "figure", [text]))
        elif text in CATEGORIES and all(t.text in CATEGORIES | MISSING for t in tokens):
            self.cell(row, Cell(token, "category", [text]))
        elif figure_match(text) and not row.complete:
            self.cell(row, figure_cell(token))
        else:
            self.attach([token])
        return index + 1

    def cell(self, row: Row, cell: Cell) -> None:
        if row.ratio_prefix is not None:
            cell.ratio_line = row.ratio_prefix.line
            row.ratio_prefix = None
        if not row.cells:
            row.expected = self.expected(cell.start_line, len(self.years))
        cell.prefix, row.currency = row.currency, ""
        row.cells.append(cell)

    def attach(self, tokens: list[Token]) -> None:
        """Unit words go with the last figure; after a percentage they are a remark."""
        row = self.row
        assert row is not None and row.cells
        last = row.cells[-1]
        for token in tokens:
            if last.percent or last.remarks:
                last.remarks.append(token)
            else:
                last.units.append(token.text)

    def resolve(self, why: str) -> None:
        """Settle the pending text blocks that no new row took as its name.

        The first block may be the last row's unit (its unit again, or the only one it has) or
        the rest of its name (printed right after its figures); a block closed by a terminator
        line is a group label; a lone row number is dropped (a heading's number, a sub-heading).
        """
        blocks, self.pending = self.pending, []
        if why == "terminator":
            label, blocks = blocks[-1:], blocks[:-1]
            numbers = [block.number for block in [*blocks, *label] if block.number is not None]
            self.last_number = numbers[-1] if numbers else self.last_number
        while why in ("heading", "end") and blocks and blocks[-1].number is not None:
            if blocks[-1].fragments:
                break
            blocks.pop()
        row = self.row
        for index, block in enumerate(blocks):
            if row is None or not row.cells:
                continue
            if index == 0 and self.is_trailing_unit(row, block):
                row.cells[-1].units.append(block.text)
            elif (index == 0 and block.immediate) or why != "terminator":
                row.fragments.extend(block.fragments)

    @staticmethod
    def is_trailing_unit(row: Row, block: Block) -> bool:
        if block.text in row.printed_units:
            return True
        return not row.printed_units and not block.indented and block.number is None


def figure_cell(token: Token) -> Cell:
    """A figure word: its printed pieces, a unit run together with it, a trailing full stop."""
    text = token.text
    match = figure_match(text)
    assert match is not None
    width = len(match["num"]) + len(match["pct"])
    pieces: list[str] = []
    offset = 0
    for piece, _ in token.pieces:
        inside = piece[: max(0, width - offset)]
        if inside:
            pieces.append(inside)
        offset += len(piece)
    rest = match["rest"]
    return Cell(
        token,
        "figure",
        pieces,
        attached="" if rest == "." else rest,
        percent=bool(match["pct"]),
        full_stop=rest == ".",
    )


def read_layout(
    lines: Sequence[str], first: int, last: int, expected: Callable[[int, int], int]
) -> Layout:
    """Read the table whose caption lies between lines `first` and `last` (a document's range).

    `expected(first_figure_line, years)` says how many figures the row starting with that
    figure prints (the number of plan years unless a hint says otherwise).
    """
    caption, label = locate(lines, first, last)
    walker = Walker(expected)
    rows = walker.walk(glue_lines(lines, caption, last))
    if not walker.years:
        raise LookupError(f"{label}: no header line of plan years after line {caption}")
    return Layout(label, caption, walker.years, rows)
