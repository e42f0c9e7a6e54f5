"""Layout readers for the LKjIP's per-sasaran result tables (helpers of `lkjip_results`).

A result table is printed as a heading (`Tabel 3.N. Realisasi Sasaran Kedua : ...`), a column
header (`No. | Indikator Kinerja Utama (IKU) | Target | Realisasi | Persentase Capaian Kinerja |
Pencapaian Target RPJMD`) and one row per indicator. The text layer gives each cell one or
more lines: a row is an optional number, its name lines, then its cells (figures with their
units, dashes, categories such as `WTP`) and a predikat word. Rows without cells are group
headings. The functions here find the tables, split them into rows and cells, and read the
charts whose series values are printed; `lkjip_results` turns them into printed rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from binjai_analysis.data.parsing import NumberStyle, normalise_whitespace, parse_figure

CATEGORIES = frozenset({"WTP", "WDP", "TMP", "TW", "AA", "A", "BB", "B", "CC", "C", "D"})
"""Printed grades that stand in a figure cell: BPK opinions and SAKIP (AKIP) grades."""

PREDIKAT_WORDS = ("sangat", "baik", "tinggi", "sedang", "rendah", "cukup", "kurang")
"""The words of the predikat scale (`Sangat Baik`, `Tinggi`, ... `Sangat Rendah`)."""

ANNOTATIONS = {"menurun": "decreasing", "meningkat": "increasing"}
"""Words printed in parentheses under a target to say which direction is better."""

NARRATIVE_OPENERS = ("Berdasarkan", "Sumber", "Gambar", "Grafik", "Tabel", "KET", "Keterangan")
"""First words of the lines that follow a table (a narrative, a caption, a footnote)."""

NARRATIVE_WIDTH = 56
"""A line this long (whitespace normalised) is running text: table cells are narrow."""

SUMMARY_PREFIX = "rata-rata capaian"
"""An unnumbered row named so prints the sasaran's average capaian, not an indicator."""

_DIGIT_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7}
_DIGIT_WORDS |= {"delapan": 8, "sembilan": 9}
_HEADING = re.compile(r"^\s*Tabel\s+(\d+\.\d+)\.?(?:\s|$)")
_SASARAN = re.compile(r"Sasaran\s+((?:ke)?\w+?(?:\s*belas)?)\s*:", re.IGNORECASE)
_COLUMN = re.compile(
    r"Satuan|Pencapaian\s*Target\s*RPJMD|Target|Realisasi"
    r"|(?P<capaian>(?:Persentase\s*|%\s*)?Capaian)(?:\s*Kinerja)?"
)
_COLUMN_NAMES = {"Satuan": "satuan", "Target": "target", "Realisasi": "realisasi"}
_HEADER_WORDS = ("Satuan", "Target", "Realisasi", "%", "PersentaseCapaian", "Kinerja")
_HEADER_WORDS += ("Pencapaian", "RPJMD")
_NUMBER = re.compile(r"^(?P<num>\d+(?:[.,]+\d+)*[.,]?)(?P<pct>%?)(?P<mark>[*&]?)(?P<rest>.*)$")
_RATIO = re.compile(r"^\d+:\d+(?:[.,]\d+)*$")
_INDICATOR_NO = re.compile(r"^\d{1,2}\.?$")
_CHART = re.compile(
    r"^\s*Grafik\s+(?:[\d.]+\s*)?(?P<title>\D.*?Tahun\s+(?P<first>\d{4})\s*-\s*(?P<last>\d{4}))"
)


def ordinal_number(word: str) -> int | None:
    """The number an Indonesian ordinal names, or None.

    Examples:
        >>> ordinal_number("Pertama"), ordinal_number("kesebelas"), ordinal_number("keduabelas")
        (1, 11, 12)
    """
    text = word.lower().replace(" ", "")
    if text == "pertama":
        return 1
    text = text.removeprefix("ke")
    if text == "sepuluh":
        return 10
    if text == "sebelas":
        return 11
    if text.endswith("belas") and text.removesuffix("belas") in _DIGIT_WORDS:
        return 10 + _DIGIT_WORDS[text.removesuffix("belas")]
    return _DIGIT_WORDS.get(text)


def join_pieces(pieces: list[tuple[str, bool]]) -> str:
    """Join printed fragments: with a space, except after '/' or a line that ran on (no space).

    Each piece is `(text, glued)`, `glued` meaning its line ended without whitespace, so the
    next fragment continues the same word (`SMA/SMK/SM` + `ALB/MA`).
    """
    text = ""
    glue = True
    for piece, glued in pieces:
        piece = normalise_whitespace(piece)
        if not piece:
            continue
        text += piece if glue or text.endswith("/") else f" {piece}"
        glue = glued
    return text


@dataclass(frozen=True)
class Token:
    """One whitespace-separated string of a table body, with where and how it was printed."""

    text: str
    line: int
    line_start: bool
    spaces_before: int
    glued: bool
    """The token ends a line that has no trailing whitespace: the next token continues it."""
    pieces: tuple[str, ...] = ()
    """For a token joined over lines, the printed fragments (e.g. 'AKI/100.', '000KH')."""

    @property
    def number(self) -> re.Match[str] | None:
        """The token read as a figure: digits, '%', a '*' or '&' mark, then letters run on
        ('315,38km'), or one run-on dash ('100%-'). None for words and ranges ('1-5')."""
        match = _NUMBER.match(self.text)
        if match is None:
            return None
        rest = match["rest"]
        return match if rest in ("", "-") or not (rest[0].isdigit() or rest[0] == "-") else None


def tokenize(lines: tuple[str, ...], first: int, last: int) -> list[Token | int]:
    """The tokens of lines `first`..`last` (1-based), with gap markers as ints (line numbers).

    A whitespace-only line of three or more spaces marks empty cells (a heading row's end).
    A token at the end of a line without trailing whitespace is joined to the next token.
    """
    tokens: list[Token | int] = []
    for number in range(first, last + 1):
        text = lines[number - 1]
        if not text.strip():
            if len(text) >= 3:
                tokens.append(number)
            continue
        words = list(re.finditer(r"\S+", text))
        for index, match in enumerate(words):
            spaces = match.start() - (words[index - 1].end() if index else 0)
            glued = index == len(words) - 1 and match.end() == len(text)
            token = Token(match.group(), number, index == 0, spaces, glued, (match.group(),))
            previous = tokens[-1] if tokens else None
            if isinstance(previous, Token) and previous.glued and index == 0:
                token = Token(
                    previous.text + token.text,
                    previous.line,
                    previous.line_start,
                    previous.spaces_before,
                    glued,
                    previous.pieces + token.pieces,
                )
                tokens[-1] = token
            else:
                tokens.append(token)
    return tokens


@dataclass
class Cell:
    """A printed cell: a figure, a dash or a grade, or the predikat words."""

    raw: str
    line: int
    kind: str
    """'number', 'ratio', 'dash', 'category' or 'text' (the predikat)."""
    token: str = ""
    """The printed token the figure came from (e.g. '315,38km', '6,00*')."""
    attached: str = ""
    mark: str = ""
    prefix: str = ""
    unit: list[Token] = field(default_factory=list)
    annotations: list[Token] = field(default_factory=list)
    run_together: bool = False
    dashes_on_line: int = 0


@dataclass
class Row:
    """One printed row of a result table."""

    number: str
    name: list[tuple[str, bool, int]] = field(default_factory=list)
    """Name fragments: (text, glued, paragraph)."""
    satuan: str = ""
    cells: list[Cell] = field(default_factory=list)
    predikat: Cell | None = None
    in_cells: bool = False
    closed: bool = False

    def paragraphs(self) -> list[str]:
        """The name's paragraphs (fragments separated by blank lines), each joined."""
        groups: dict[int, list[tuple[str, bool]]] = {}
        for text, glued, paragraph in self.name:
            groups.setdefault(paragraph, []).append((text, glued))
        return [join_pieces(pieces) for pieces in groups.values()]


@dataclass(frozen=True)
class Layout:
    """Where a result table is printed and which columns its header names."""

    label: str
    sasaran_no: int
    heading_line: int
    columns: tuple[str, ...]
    capaian_label: str
    body: tuple[int, int]


def _header_line(text: str) -> bool:
    """Whether every word of `text` is (a fragment of) a column header word."""
    words = text.split()
    return bool(words) and all(any(w in h for h in _HEADER_WORDS) for w in words)


def _header_columns(text: str) -> tuple[tuple[str, ...], str]:
    columns, label = [], "Capaian"
    for match in _COLUMN.finditer(text):
        if match["capaian"]:
            columns.append("capaian")
            label = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", normalise_whitespace(match["capaian"]))
        elif match.group().startswith("Pencapaian"):
            columns.append("predikat")
        else:
            columns.append(_COLUMN_NAMES[match.group()])
    return tuple(columns), label


def _is_narrative(text: str) -> bool:
    text = normalise_whitespace(text)
    return len(text) >= NARRATIVE_WIDTH or text.startswith(NARRATIVE_OPENERS)


def find_layouts(lines: tuple[str, ...], first: int, last: int) -> list[Layout]:
    """Every result table in lines `first`..`last`: a header naming Target and Realisasi.

    A table takes its label and sasaran from the `Tabel` heading above it; a second header
    under the same heading is an unnumbered companion, labelled with a letter ('3.9a').
    """
    layouts: list[Layout] = []
    heading: tuple[str, int, int] | None = None
    companions = 0
    number = first
    while number <= last:
        text = lines[number - 1]
        match = _HEADING.match(text)
        if match:
            window = " ".join(lines[number - 1 : number + 8])
            sasaran = _SASARAN.search(window)
            value = ordinal_number(sasaran.group(1)) if sasaran else None
            if value is not None:
                heading, companions = (f"Tabel {match.group(1)}", value, number), 0
        if heading and "(IKU)" in text:
            layout = _read_header(lines, number, last, heading, companions)
            if layout is not None:
                layouts.append(layout)
                companions += 1
                number = layout.body[1]
        number += 1
    return layouts


def _read_header(
    lines: tuple[str, ...], iku: int, last: int, heading: tuple[str, int, int], companions: int
) -> Layout | None:
    """The layout whose header has its `(IKU)` line at `iku`, or None if not a result table."""
    pieces: list[tuple[str, bool]] = []
    number = iku + 1
    while number <= last and (not lines[number - 1].strip() or _header_line(lines[number - 1])):
        text = lines[number - 1]
        if text.strip():
            pieces.append((text, not text[-1:].isspace()))
        number += 1
    columns, capaian_label = _header_columns(join_pieces(pieces))
    if "target" not in columns or "realisasi" not in columns:
        return None
    end = number
    while end <= last and not _is_narrative(lines[end - 1]) and "(IKU)" not in lines[end - 1]:
        end += 1
    label, sasaran_no, heading_line = heading
    if companions:
        label += "abcdefghij"[companions - 1]
    body = (number, end - 1)
    return Layout(label, sasaran_no, heading_line, columns, capaian_label, body)


def is_predikat_word(word: str) -> bool:
    """Whether `word` is a word of the predikat scale, allowing one slip ('Tingg', 'Tinngi')."""
    word = word.lower()
    return any(SequenceMatcher(None, word, known).ratio() >= 0.8 for known in PREDIKAT_WORDS)


def truncated_predikat(word: str) -> str:
    """The scale word that `word` cuts short ('Tingg' -> 'Tinggi'), or '' if it is whole."""
    for known in PREDIKAT_WORDS:
        if word.lower() != known and known.startswith(word.lower()):
            return word + known[len(word) :]
    return ""


class _RowReader:
    """Walks a table's tokens and splits them into rows and cells (see `read_rows`)."""

    def __init__(self, layout: Layout, tokens: list[Token | int]) -> None:
        self.layout = layout
        self.tokens = tokens
        self.rows: list[Row] = []
        self.last_number = 0
        self.paragraph = 0
        self.previous_line = 0
        self.name_line = 0
        self.row: Row | None = None

    @property
    def cell_columns(self) -> int:
        return sum(column not in ("satuan", "predikat") for column in self.layout.columns)

    def run(self) -> list[Row]:
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if isinstance(token, int):
                if self.row is not None and not self.row.in_cells:
                    self.row.closed = True
                index += 1
                continue
            if token.line > self.previous_line + 1 and token.line_start:
                self.paragraph += 1
            self.previous_line = token.line
            index += self.step(index, token)
        return self.rows

    def new_row(self, number: str) -> Row:
        self.row = Row(number)
        self.rows.append(self.row)
        if number:
            self.last_number = int(number.rstrip("."))
        return self.row

    def step(self, index: int, token: Token) -> int:
        """Read `token` (at `index`) into the current row; return how many tokens it used."""
        row = self.row
        if row is not None and token.line == self.name_line:
            row.name.append((token.text, token.glued, self.paragraph))
            return 1
        if self.starts_numbered_row(index, token):
            self.new_row(token.text)
            return 1
        if row is None or (row.closed and not row.in_cells):
            row = self.new_row("")
        if not row.in_cells:
            if self.starts_cells(index, token):
                row.in_cells = True
            else:
                row.name.append((token.text, token.glued, self.paragraph))
                return 1
        return self.read_cell_token(index, token)

    def next_token(self, index: int) -> Token | None:
        for token in self.tokens[index + 1 :]:
            if isinstance(token, Token):
                return token
        return None

    def starts_numbered_row(self, index: int, token: Token) -> bool:
        """A line-leading 1- or 2-digit number starts a row when the layout allows one here."""
        if not (token.line_start and _INDICATOR_NO.match(token.text)):
            return False
        row, number = self.row, int(token.text.rstrip("."))
        if row is None:
            return True
        if not row.in_cells:
            return row.closed
        following = self.next_token(index)
        names_follow = following is not None and following.text[0].isupper()
        names_follow = names_follow and not is_predikat_word(following.text)
        same_line = following is not None and following.line == token.line
        if number == self.last_number + 1:
            return names_follow
        return number > self.last_number and names_follow and same_line

    def after_per(self, index: int) -> bool:
        previous = self.tokens[index - 1] if index else None
        return isinstance(previous, Token) and previous.text.lower() == "per"

    def starts_cells(self, index: int, token: Token) -> bool:
        """Whether `token`, read while the row's name is being printed, opens its cells."""
        text, match = token.text, token.number
        following = self.next_token(index)
        if text == "-" or _RATIO.match(text) or (text == "%" and "satuan" in self.layout.columns):
            return True
        if (
            text in CATEGORIES
            and token.line_start
            and (following is None or following.line > token.line)
        ):
            return True
        if text == "Rp." and following is not None and following.number is not None:
            return True
        if match is None or self.after_per(index):
            return False
        if match["pct"] or match["mark"] or match["rest"] or re.search(r"[.,]", match["num"]):
            return True
        previous = self.tokens[index - 1] if index else None
        ends_sentence = isinstance(previous, Token) and previous.text.endswith(".")
        return token.line_start or token.spaces_before >= 2 or ends_sentence

    def read_cell_token(self, index: int, token: Token) -> int:
        """Read a token of the row's cells: a figure, a unit word, or the predikat."""
        row = self.row
        assert row is not None
        text, match = token.text, token.number
        summary = " ".join(row.paragraphs()).lower().startswith(SUMMARY_PREFIX)
        if "satuan" in self.layout.columns and not row.satuan and not row.cells and not summary:
            row.satuan = text
            return 1
        if text == "Rp." and (following := self.next_token(index)) and following.number:
            cell, used = self.figure(index + 1, following)
            cell.prefix = text
            row.cells.append(cell)
            return used + 1
        if text == "-" or _RATIO.match(text) or (match is not None and not self.after_per(index)):
            cell, used = self.figure(index, token)
            row.cells.append(cell)
            if cell.run_together:
                row.cells.append(Cell("-", token.line, "dash", token="-", run_together=True))
            return used
        if text in CATEGORIES and token.line_start:
            row.cells.append(Cell(text, token.line, "category", token=text))
            return 1
        if is_predikat_word(text) and (row.predikat is not None or row.cells):
            if row.predikat is None:
                row.predikat = Cell(text, token.line, "text", token=text)
            else:
                row.predikat.raw += f" {text}"
            return 1
        if self.complete(row):
            if token.line_start and text[0].islower():
                row.name.append((text, token.glued, self.paragraph))
                self.name_line = token.line
                return 1
            self.new_row("").name.append((text, token.glued, self.paragraph))
            return 1
        if row.cells and text.startswith("(") and text.strip("()").lower() in ANNOTATIONS:
            row.cells[-1].annotations.append(token)
        elif row.cells:
            row.cells[-1].unit.append(token)
        return 1

    def complete(self, row: Row) -> bool:
        """A row is complete once its predikat is printed (or all its cells, without one)."""
        if row.predikat is not None or len(row.cells) > self.cell_columns:
            return True
        return "predikat" not in self.layout.columns and len(row.cells) >= self.cell_columns

    def figure(self, index: int, token: Token) -> tuple[Cell, int]:
        """The figure cell starting at `token`, joining a ratio or a decimal split by a space."""
        following = self.next_token(index)
        after = self.tokens[index + 2] if index + 2 < len(self.tokens) else None
        if token.text == "-":
            dashes = sum(
                isinstance(other, Token) and other.line == token.line and other.text == "-"
                for other in self.tokens
            )
            return Cell("-", token.line, "dash", token="-", dashes_on_line=dashes), 1
        if _RATIO.match(token.text):
            return Cell(token.text, token.line, "ratio", token=token.text), 1
        if (
            following is not None
            and following.text == ":"
            and isinstance(after, Token)
            and after.number is not None
        ):
            raw = f"{token.text} : {after.text}"
            return Cell(raw, token.line, "ratio", token=raw), 3
        match = token.number
        assert match is not None
        raw = match["num"] + match["pct"] + match["mark"].replace("*", "")
        used = 1
        if raw.endswith((".", ",")) and following is not None and following.text.isdigit():
            raw, used = f"{raw} {following.text}", 2
        if len(token.pieces) > 1:  # a figure wrapped over lines: '914.618.29' + '0.540'
            raw = " ".join(token.pieces).removesuffix(match["rest"])
        rest = match["rest"]
        cell = Cell(raw, token.line, "number", token=token.text, mark=match["mark"])
        if rest == "-":
            cell.run_together = True
        elif rest:
            cell.attached = rest
        return cell, used


def read_rows(lines: tuple[str, ...], layout: Layout) -> list[Row]:
    """The rows of the table `layout` describes, headings (rows without cells) included."""
    return _RowReader(layout, tokenize(lines, *layout.body)).run()


@dataclass(frozen=True)
class ChartValue:
    """One printed value of a chart series, with the year its position gives it."""

    series: str
    year: int
    raw: str
    line: int


@dataclass(frozen=True)
class Chart:
    """A chart whose series values are printed in the text, e.g. `Grafik ... Tahun A-B`."""

    title: str
    line: int
    subject: str
    years: tuple[int, int]
    axis_years: tuple[int, int] | None
    values: tuple[ChartValue, ...]


_AXIS_TICK = re.compile(r"^(?:0|[\d.]+E\+\d+)$")


def find_charts(lines: tuple[str, ...], first: int, last: int) -> list[Chart]:
    """The charts in lines `first`..`last` whose series values follow their title.

    Values are read in print order up to the axis ticks (`0`, `2E+10`, ...), then split into
    series of as many values as the title's year range has years, named by the legend lines
    that follow the x-axis, in order.
    """
    charts = []
    for number in range(first, last + 1):
        match = _CHART.match(lines[number - 1])
        if match:
            chart = _read_chart(lines, number, last, match)
            if chart is not None:
                charts.append(chart)
    return charts


def _read_chart(lines: tuple[str, ...], line: int, last: int, match: re.Match[str]) -> Chart | None:
    years = (int(match["first"]), int(match["last"]))
    count = years[1] - years[0] + 1
    printed: list[tuple[str, int]] = []
    number = line + 1
    while number <= min(last, line + 40):
        words = lines[number - 1].split()
        if words and _AXIS_TICK.match(words[0]):
            break
        if words and all(re.fullmatch(r"\d[\d,.]*", word) for word in words):
            printed.extend((word, number) for word in words)
        number += 1
    series = len(printed) // count
    axis, legend = None, []
    for later in range(number, min(last, number + 30) + 1):
        words = lines[later - 1].split()
        if len(words) > 1 and all(re.fullmatch(r"\d{4}", word) for word in words):
            axis = (int(words[0]), int(words[-1]))
        elif axis is not None and words and words[0][0].isalpha() and len(legend) < series:
            legend.append(" ".join(words))
    if not printed or len(printed) % count or series != len(legend):
        return None
    title = normalise_whitespace(match["title"])
    subject = title.split(" Tahun")[0].split()[-1]
    values = tuple(
        ChartValue(legend[index // count], years[0] + index % count, raw, at)
        for index, (raw, at) in enumerate(printed)
    )
    return Chart(f"Grafik {title}", line, subject, years, axis, values)


def row_name(row: Row, parent: str) -> str:
    """The indicator name of `row`: its paragraphs less leading group headings.

    A leading paragraph ending in '.' with more text after it is a group heading printed in
    the name cell ('Kebinamargaan.'). A one-word name is a sub-item of the heading above it.
    """
    paragraphs = row.paragraphs()
    while len(paragraphs) > 1 and paragraphs[0].endswith("."):
        paragraphs.pop(0)
    name = " ".join(paragraphs).strip().rstrip(".").strip()
    return f"{parent}: {name}" if parent and len(name.split()) == 1 else name


def figure_digits(raw: str) -> str:
    """The digits and separators of a figure (a ratio's second term), without '%' or spaces."""
    return raw.split(":")[-1].replace(" ", "").rstrip("%")


def number_style(raw: str) -> NumberStyle:
    """'us' where a '.' can only be a decimal mark (one group of 1-2 digits) or ',' groups
    thousands more than once; otherwise 'id', the report's style."""
    digits = figure_digits(raw)
    if re.fullmatch(r"\d+\.\d{1,2}", digits) or re.fullmatch(r"\d{1,3}(,\d{3}){2,}", digits):
        return "us"
    return "id"


def is_ambiguous(raw: str) -> bool:
    """Whether `raw` is one '.' and three digits: thousands (id) or a decimal mark (us)."""
    return bool(re.fullmatch(r"\d{1,3}\.\d{3}", figure_digits(raw)))


def figure_value(raw: str, style: NumberStyle) -> float | None:
    """The value `parse_figure` reads from `raw` in `style`."""
    return parse_figure(raw, style).value


def format_value(value: float | None) -> str:
    """A value as a note prints it: '2100', '12.262'."""
    return "" if value is None else str(int(value)) if value.is_integer() else repr(value)


def _precision(raw: str) -> float:
    """One unit of the last printed digit of `raw`."""
    digits = figure_digits(raw)
    return 10.0 ** -len(digits.split(",")[1]) if "," in digits else 1.0


def capaian_fits(realisasi: float | None, target: float | None, capaian: Cell | None) -> bool:
    """Whether the printed capaian is realisasi / target (to the capaian's last digit)."""
    if capaian is None or not realisasi or not target or capaian.kind != "number":
        return False
    printed = figure_value(capaian.raw, "id")
    return printed is not None and abs(100 * realisasi / target - printed) <= _precision(
        capaian.raw
    )


def unit_text(cell: Cell) -> str:
    """The unit printed with `cell`: a prefix ('Rp.'), letters run on, the words after it."""
    words = [cell.prefix, cell.attached, *(token.text for token in cell.unit)]
    text = join_pieces([(word, False) for word in words])
    return "%" if text == "(%)" else text


def assign_cells(layout: Layout, row: Row, name: str) -> dict[str, Cell]:
    """The row's cells by measure: in the header's column order, then any extra cells."""
    if name.lower().startswith(SUMMARY_PREFIX):
        return {"capaian_rata_rata": row.cells[0]} if row.cells else {}
    columns = [c for c in layout.columns if c not in ("satuan", "predikat")]
    cells = dict(zip(columns, row.cells, strict=False))
    extra = row.cells[len(columns) :]
    if "predikat" in layout.columns:
        if row.predikat is not None:
            cells["predikat"] = row.predikat
        elif extra:
            cells["predikat"] = extra.pop(0)
    if extra:
        cells["unlabelled"] = extra[0]
    return cells
