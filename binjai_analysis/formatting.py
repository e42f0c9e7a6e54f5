"""Numbers for readers, in Indonesian style (Babel `id_ID`): `1.234.567,89`, `5,3 %`.

Babel rounds half to even (`0,125` -> `0,12` at 2 decimals); exact figures stay in the datasets.

The number formatters return a `FormattedValue`: the displayed string, which also carries the
exact value and an Excel number format, so a table's XLSX download holds real numbers shown as
on the page (see `table_files`). Any string operation on it (`+`, f-strings, `.replace`) gives a
plain `str`, which stays text.

Text from the data (names, statements, figures as printed) that goes into generated MyST
Markdown passes through `markdown_text` or `markdown_code` first, so that it reads as itself:
MyST would otherwise pass `<script>` through as raw HTML and read `*`, `[`, `{` as markup.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from numbers import Integral

import pandas as pd
from babel.numbers import format_decimal

LOCALE = "id_ID"

D3_FORMAT_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
"""The same convention for Vega charts (d3-format ships no Indonesian locale)."""


class FormattedValue(str):
    """A number as displayed (`'1.234,5'`), carrying its exact `value` and the Excel
    `number_format` that displays it the same way, so spreadsheets get numbers, not text.

    Examples:
        >>> cell = format_number(1234.5, 1)
        >>> cell, cell.value, cell.number_format
        ('1.234,5', 1234.5, '#,##0.0')
    """

    value: float | int
    number_format: str

    def __new__(cls, text: str, value: float | int, number_format: str) -> FormattedValue:
        made = super().__new__(cls, text)
        made.value = value
        made.number_format = number_format
        return made

    def __reduce__(self) -> tuple[type, tuple[str, float | int, str]]:
        return (FormattedValue, (str(self), self.value, self.number_format))


def excel_pattern(decimals: int) -> str:
    """The Excel number format with thousands separators and `decimals` places.

    Examples:
        >>> excel_pattern(0), excel_pattern(2)
        ('#,##0', '#,##0.00')
    """
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


MINUS = "−"
"""The minus sign the page writes (U+2212), quoted in Excel formats as a literal."""


def _signed_formats(positive: str, negative: str, zero: str | None = None) -> str:
    """An Excel format with a section per sign (Excel writes no sign in the negative one)."""
    return ";".join([positive, negative] + ([zero] if zero is not None else []))


def _exact(value: object) -> float | int:
    """A number as Python's int or float (numpy and Decimal values included)."""
    if isinstance(value, Integral):
        return int(value)
    return float(value)  # type: ignore[arg-type]


def format_number(value: float | None, decimals: int = 2) -> str:
    """Format `value` with Indonesian separators and a fixed number of decimals.

    Examples:
        >>> format_number(24574.84)
        '24.574,84'
        >>> format_number(267901, decimals=0)
        '267.901'
        >>> format_number(None)
        '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = excel_pattern(decimals)
    return FormattedValue(
        format_decimal(value, format=pattern, locale=LOCALE), _exact(value), pattern
    )


def _percent_format(decimals: int, minus: str = "-") -> str:
    """Excel's percent format for `decimals` places (the value is a fraction: 0.0529)."""
    pattern = f"{excel_pattern(decimals)}%"
    return pattern if minus == "-" else _signed_formats(pattern, f'"{minus}"{pattern}')


def _as_percent(text: str, value: float | None, decimals: int, minus: str = "-") -> str:
    """`text` (a percentage as displayed) carrying `value` percent as Excel's fraction."""
    if value is None or text == "–":
        return text
    return FormattedValue(text, float(value) / 100, _percent_format(decimals, minus))


def format_percent(value: float | None, decimals: int = 2) -> str:
    """Format a value already in percent, e.g. `5.29` -> `'5,29 %'`.

    Examples:
        >>> format_percent(5.29)
        '5,29 %'
    """
    text = format_number(value, decimals)
    return text if text == "–" else _as_percent(f"{text} %", value, decimals)


RUPIAH_UNITS = ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"))


def format_rupiah(value: float | None, compact: bool = True, decimals: int = 1) -> str:
    """Rupiah for readers: `Rp 1,2 triliun` (compact) or `Rp 1.234.567` (exact, no decimals).

    Examples:
        >>> format_rupiah(1_234_567_890_123)
        'Rp 1,2 triliun'
        >>> format_rupiah(89_483_500, compact=False)
        'Rp 89.483.500'
        >>> format_rupiah(-355_407_783_133.62)
        '−Rp 355,4 miliar'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    sign = "−" if value < 0 else ""
    magnitude = abs(value)
    if compact:
        for size, word in RUPIAH_UNITS:
            if magnitude >= size:
                text = f"{sign}Rp {format_number(magnitude / size, decimals)} {word}"
                # Each trailing comma of an Excel format divides by a thousand.
                scaled = f'{excel_pattern(decimals)}{"," * round(math.log10(size) / 3)}" {word}"'
                return FormattedValue(text, _exact(value), _rupiah_format(scaled))
    return FormattedValue(
        f"{sign}Rp {format_number(magnitude, 0)}", _exact(value), _rupiah_format("#,##0")
    )


def _rupiah_format(pattern: str, prefix: str = "Rp ") -> str:
    """Excel's format for rupiah: the prefix, and the minus sign (−) before it when negative."""
    positive = f'"{prefix}"{pattern}' if prefix else pattern
    return _signed_formats(positive, f'"{MINUS}{prefix}"{pattern}')


def format_count(value: float) -> str:
    """A whole number of things, Indonesian style.

    Examples:
        >>> format_count(1234.0)
        '1.234'
    """
    return format_number(int(value), 0)


def format_text(value: object) -> str:
    """A printed string for a table cell; a dash when it is missing or blank.

    Examples:
        >>> format_text("WTP"), format_text(None), format_text("  ")
        ('WTP', '–', '–')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip():
        return "–"
    return str(value)


_MARKDOWN_INLINE = re.compile(r"[\\`*_\[\]{}<>&$|~^#+!]")
"""Characters that Markdown or MyST (roles, substitutions, dollarmath, raw HTML, entities)
give a meaning anywhere in a line."""
_MARKDOWN_LINE_START = re.compile(r"^(\d*)([-=:%(.)])")
"""A block marker at the start of a line: list item (`-`, `1.`, `1)`), setext underline,
definition (`:`), comment (`%`), target (`(name)=`)."""


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def markdown_text(value: object) -> str:
    r"""Text from the data for generated MyST Markdown: shown as itself, never as markup.

    Runs of whitespace (line breaks included) become one space, so the text stays in its
    sentence; every character with an inline meaning (`<`, `>`, `&`, `*`, `_`, `` ` ``, `[`,
    `]`, `{`, `}`, `$`, `|`, `~`, `^`, `#`, `+`, `!`, `\`) is backslash-escaped, and so is
    a block marker at its start, in case it begins a line.

    Examples:
        >>> print(markdown_text("<img src=x onerror=alert(2)>"))
        \<img src=x onerror=alert(2)\>
        >>> print(markdown_text("Rasio *KB*  [1999]"))
        Rasio \*KB\* \[1999\]
        >>> print(markdown_text("1. Program"))
        1\. Program
    """
    escaped = _MARKDOWN_INLINE.sub(lambda match: "\\" + match.group(), _one_line(value))
    return _MARKDOWN_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped, count=1)


def markdown_cell(value: object) -> str:
    r"""A Markdown table cell of data text: escaped (`markdown_text`), '–' when empty.

    Examples:
        >>> print(markdown_cell("a | b"), markdown_cell(None), markdown_cell(float("nan")))
        a \| b – –
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "–"
    return markdown_text(value) if str(value) != "" else "–"


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown (pipe) table; its cells are already escaped, or are the site's own HTML."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def markdown_page(blocks: list[str]) -> str:
    """A generated page's Markdown: its blocks apart by a blank line, ending with a newline."""
    return "\n\n".join(blocks) + "\n"


def markdown_code(value: object) -> str:
    """Text from the data as a Markdown code span (e.g. a figure as printed), shown verbatim.

    The fence is one backtick longer than the longest run of backticks in the text, so no
    text can close it early; whitespace runs become one space.

    Examples:
        >>> markdown_code("1.234,5")
        '`1.234,5`'
        >>> markdown_code("a`b")
        '``a`b``'
        >>> markdown_code("`x")
        '`` `x ``'
    """
    text = _one_line(value)
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


NBSP = "\u00a0"


def keep_unit(text: str) -> str:
    """Join a number and its unit with a no-break space, so table cells never split '65,6 %'.

    Examples:
        >>> keep_unit("65,6 %") == "65,6\\u00a0%"
        True
    """
    return text.replace(" %", f"{NBSP}%")


def percent_text(value: float | None, decimals: int = 1) -> str:
    """A percentage for a table cell: the minus sign, never a break before '%'; '–' if missing.

    Examples:
        >>> percent_text(-12.345)
        '−12,3\\xa0%'
    """
    if value is None or pd.isna(value):
        return "–"
    text = keep_unit(format_percent(float(value), decimals).replace("-", "−"))
    return _as_percent(text, float(value), decimals, minus=MINUS)


def signed(value: float, decimals: int = 1, suffix: str = "") -> str:
    """A number with its sign written out (+ or the minus sign −), e.g. '−10,4'.

    Examples:
        >>> signed(-10.44), signed(2.0), signed(0.0)
        ('−10,4', '+2,0', '0,0')
    """
    text = format_number(abs(value), decimals)
    sign = "−" if value < 0 and text.strip("0,") else "+" if value > 0 else ""
    percent = suffix == " %"  # Excel's % shows the value times 100
    pattern = _percent_format(decimals) if percent else excel_pattern(decimals)
    if suffix and not percent:
        pattern += f'"{suffix}"'
    exact = float(value) / 100 if percent else _exact(value)
    formats = _signed_formats(f"+{pattern}", f'"{MINUS}"{pattern}', pattern)
    return FormattedValue(f"{sign}{text}{suffix}", exact, formats)


def signed_percent(value: float, decimals: int = 1) -> str:
    """A percentage that may be negative, with the minus sign: '−2.800,0 %'."""
    if value < 0:
        return signed(value, decimals, " %")
    return _as_percent(format_percent(value, decimals), value, decimals)


def rupiah_exact(value: float | None) -> str:
    """Exact rupiah in Indonesian style; sen only when there are any.

    Examples:
        >>> rupiah_exact(96457108500.0)
        'Rp 96.457.108.500'
        >>> rupiah_exact(-1234.5)
        '−Rp 1.234,50'
        >>> rupiah_exact(None)
        '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return _rupiah_exact(value, "Rp ")


def _rupiah_exact(value: float | None, prefix: str) -> str:
    """Exact rupiah after `prefix`, sen only when there are any."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    magnitude = abs(float(value))
    decimals = 0 if round(magnitude, 2).is_integer() else 2
    sign = "−" if value < 0 else ""
    text = f"{sign}{prefix}{format_number(magnitude, decimals)}"
    return FormattedValue(text, _exact(value), _rupiah_format(excel_pattern(decimals), prefix))


def rupiah_cell(value: float | None) -> str:
    """Exact rupiah for a table column headed '(Rp)': digits only, sen only when there are any.

    Examples:
        >>> rupiah_cell(96457108500.0), rupiah_cell(-0.5), rupiah_cell(float("nan"))
        ('96.457.108.500', '−0,50', '–')
    """
    return _rupiah_exact(value, "")


TABLE_NAME = re.compile(r"^Tabel (\d+)\.(\d+)([a-z]*)$")


def table_range(tables: Iterable[str]) -> str:
    """Source tables, shortened: numbered tables of one chapter as a range, others by name.

    Examples:
        >>> table_range({"Tabel 3.3", "Tabel 3.9a", "Tabel 3.17", "Ikhtisar"})
        'Tabel 3.3–3.17, Ikhtisar'
        >>> table_range({"Tabel 2.2", "Tabel 2.4", "PK"})
        'Tabel 2.2, 2.4, PK'
    """
    chapters: dict[int, list[tuple[int, str, str]]] = {}
    others = []
    for name in {str(table) for table in tables if isinstance(table, str) and table}:
        match = TABLE_NAME.match(name)
        if match:
            major, minor, suffix = match.groups()
            chapters.setdefault(int(major), []).append(
                (int(minor), suffix, f"{major}.{minor}{suffix}")
            )
        else:
            others.append(name)
    parts = []
    for _, numbers in sorted(chapters.items()):
        ordered = [text for *_, text in sorted(numbers)]
        parts.append(f"{ordered[0]}–{ordered[-1]}" if len(ordered) > 2 else ", ".join(ordered))
    numbered = f"Tabel {', '.join(parts)}" if parts else ""
    return ", ".join(filter(None, [numbered, *sorted(others)]))


def bounds_phrase(cap: float | None, floor: float | None) -> str:
    """Capaian bounds in words, e.g. 'capaian minimal 0 %' or 'tanpa batas'.

    Examples:
        >>> bounds_phrase(None, 0.0), bounds_phrase(120.0, 0.0)
        ('capaian minimal 0 %', 'capaian dibatasi 0–120 %')
    """
    if cap is None and floor is None:
        return "tanpa batas"
    if cap is None:
        return f"capaian minimal {format_percent(floor, 0)}"
    if floor is None:
        return f"capaian dibatasi paling tinggi {format_percent(cap, 0)}"
    return f"capaian dibatasi {format_number(floor, 0)}–{format_percent(cap, 0)}"


def capaian_text(value: object, formula: object) -> str:
    """Our capaian as shown: the bounded value, and the formula's value beside it when a cap
    or floor changed it ('120,0 % (rumus: 240,8 %)')."""
    if pd.isna(value):
        return "–"
    text = format_percent(float(value), 1)
    if not pd.isna(formula) and float(formula) != float(value):
        text += f" (rumus: {format_percent(float(formula), 1)})"
    return text


_REPORT_NUMBERED = re.compile(r"^(Tabel|Gambar|Grafik)\s+\d")


def report_table(label: object, kind: str) -> str:
    """A table or figure number of the source, marked as the report's own ('Tabel 3.1 LKjIP'),
    so it never reads as one of the site's (whose Tabel 3.1 is another); other labels ('Bab
    III', 'PK 2019') and an empty `kind` leave it as printed.

    Examples:
        >>> report_table("Tabel 3.1", "LKjIP"), report_table("PK 2019", "PK")
        ('Tabel 3.1 LKjIP', 'PK 2019')
    """
    text = "" if label is None or label is pd.NA else str(label)
    return f"{text} {kind}" if kind and _REPORT_NUMBERED.match(text) else text
