"""Read numbers as printed in the source: Indonesian and US formats, percentages, dashes.

The source mixes `1.234.567,89` (Indonesian) and `1,234,567.89` (US). A reading that needs
judgment comes back with a `note` saying how it was read; nothing is guessed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

NumberStyle = Literal["auto", "id", "us"]
"""`id`: `.` groups thousands, `,` is the decimal mark; `us`: the reverse; `auto`: decide."""

MISSING_MARKS = frozenset({"-", "–", "—", ""})
_NUMBER_CHARS = re.compile(r"^[+-]?[\d.,]+$")
_GROUPED = {
    "id": re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+(,\d+)?$"),
    "us": re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$"),
}


@dataclass(frozen=True)
class ParsedNumber:
    """A parsed figure: its value (None when printed as missing) and how it was read."""

    value: float | None
    is_percent: bool = False
    note: str = ""


def normalise_whitespace(text: str) -> str:
    """Collapse runs of whitespace to one space, as `raw` strings are stored."""
    return " ".join(text.split())


def _convert(digits: str, style: Literal["id", "us"]) -> float:
    thousands, decimal = (".", ",") if style == "id" else (",", ".")
    return float(digits.replace(thousands, "").replace(decimal, "."))


def _guess_style(digits: str) -> tuple[Literal["id", "us"], str]:
    """Pick the number style of `digits` when the caller did not say, with a note if unsure."""
    has_dot, has_comma = "." in digits, "," in digits
    if has_dot and has_comma:
        return ("id" if digits.rfind(",") > digits.rfind(".") else "us"), ""
    separator = "." if has_dot else ","
    if not (has_dot or has_comma):
        return "id", ""
    groups = digits.split(separator)
    if len(groups) > 2:  # repeated separator: it can only group thousands
        return ("id" if separator == "." else "us"), ""
    if len(groups[1]) != 3:  # one separator not followed by 3 digits: a decimal mark
        return ("id" if separator == "," else "us"), ""
    style: Literal["id", "us"] = "id" if separator == "." else "us"
    return style, f"ambiguous '{digits}': read '{separator}' as a thousands separator"


def parse_number(raw: str, style: NumberStyle = "auto") -> ParsedNumber:
    """Parse one printed figure.

    Args:
        raw: the figure as printed, e.g. `"24.574,84"`, `"5,29%"`, `"1,234.5"`, `"-"`.
        style: the number format, or `auto` to infer it (ambiguous readings get a note).

    Raises:
        ValueError: `raw` is not a number in any format we know.

    Examples:
        >>> parse_number("24.574,84").value
        24574.84
        >>> parse_number("5,29%")
        ParsedNumber(value=5.29, is_percent=True, note='')
        >>> parse_number("1,234,567.89", style="us").value
        1234567.89
        >>> parse_number("-").value is None
        True
    """
    text = normalise_whitespace(raw)
    if text in MISSING_MARKS:
        return ParsedNumber(None, note="printed as missing" if text else "")
    is_percent = text.endswith("%")
    digits = text.removesuffix("%").strip().replace(" ", "")
    if not _NUMBER_CHARS.match(digits):
        raise ValueError(f"Not a number: {raw!r}")
    sign = -1.0 if digits.startswith("-") else 1.0
    digits = digits.lstrip("+-")
    note = ""
    if style == "auto":
        chosen, note = _guess_style(digits)
    else:
        chosen = style
    if _GROUPED[chosen].match(digits):
        return ParsedNumber(sign * _convert(digits, chosen), is_percent, note)
    # Malformed grouping such as `19.11.101.030,00`: keep the last decimal mark, drop the rest.
    thousands, decimal = (".", ",") if chosen == "id" else (",", ".")
    whole, _, fraction = digits.rpartition(decimal) if decimal in digits else (digits, "", "")
    cleaned = whole.replace(thousands, "").replace(decimal, "")
    if not cleaned.isdigit() or (fraction and not fraction.isdigit()):
        raise ValueError(f"Not a number: {raw!r}")
    value = float(f"{cleaned}.{fraction}" if fraction else cleaned)
    malformed = (
        f"malformed grouping '{digits}': read as {value:.2f} by dropping every "
        f"'{thousands}' and using the last '{decimal}' as the decimal mark"
    )
    return ParsedNumber(sign * value, is_percent, "; ".join(filter(None, [note, malformed])))


FigureKind = Literal["number", "percent", "ratio", "missing", "category"]
_RATIO = re.compile(r"^1\s*:\s*([\d.,]+)$")
_SCALED_RATIO = re.compile(r"^(?P<count>\d+)\s*:\s*(?P<total>[\d.,]+)$")
STRAY_MARKS = "&="
"""Marks that have no meaning inside a figure: where one interrupts a figure ('100&',
'65,33=3%') it is a misprint, and the figure before it is the best reading."""
_STRAY = re.compile(
    rf"^(?P<figure>[+-]?\d[\d.,]*?)\s*(?P<mark>[{re.escape(STRAY_MARKS)}])"
    r"(?P<after>[\d.,]*)\s*(?P<percent>%?)$"
)


@dataclass(frozen=True)
class Figure:
    """Any printed cell: a number, a percentage, a `1:n` ratio, a dash, or a category."""

    value: float | None
    kind: FigureKind
    note: str = ""


def parse_figure(raw: str, style: NumberStyle = "auto") -> Figure:
    """Read any printed figure without raising: categories (`WTP`, `CC`) keep no value.

    A `1:n` ratio (e.g. doctors per population) has value `n`.

    Examples:
        >>> parse_figure("1:720")
        Figure(value=720.0, kind='ratio', note='')
        >>> parse_figure("76,5 %")
        Figure(value=76.5, kind='percent', note='')
        >>> parse_figure("WTP")
        Figure(value=None, kind='category', note='')
        >>> parse_figure("-").kind
        'missing'

    Malformed figures get a best reading and a note that says "malformed": an `a : b`
    ratio is read as `1 : b/a`, and a figure interrupted by a stray mark (`STRAY_MARKS`)
    as the figure before the mark.

        >>> parse_figure("4 : 1.000", "id").value
        250.0
        >>> parse_figure("4 : 1.000", "id").note
        "malformed ratio '4 : 1.000' (not in the '1:n' form): read as 1:250 (1000 / 4)"
        >>> parse_figure("100&").value, parse_figure("65,33=3%").kind
        (100.0, 'percent')
    """
    text = normalise_whitespace(raw)
    if text in MISSING_MARKS:
        return Figure(None, "missing", "printed as missing" if text else "")
    ratio = _RATIO.match(text)
    if ratio:
        parsed = parse_number(ratio.group(1), style)
        return Figure(parsed.value, "ratio", parsed.note)
    scaled = _SCALED_RATIO.match(text)
    if scaled and int(scaled["count"]) > 1:
        return _scaled_ratio(text, scaled, style)
    stray = _STRAY.match(text)
    if stray:
        return _stray_mark(text, stray, style)
    try:
        parsed = parse_number(text, style)
    except ValueError:
        return Figure(None, "category")
    return Figure(parsed.value, "percent" if parsed.is_percent else "number", parsed.note)


def _shown(value: float) -> str:
    """A value as a note prints it: '250', '30102.89'."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def _scaled_ratio(text: str, match: re.Match[str], style: NumberStyle) -> Figure:
    """An `a : b` ratio with a > 1, read as `1 : b/a` (a ratio's value is its n in `1:n`)."""
    count, total = int(match["count"]), parse_number(match["total"], style)
    if total.value is None:
        return Figure(None, "category")
    value = total.value / count
    note = (
        f"malformed ratio '{text}' (not in the '1:n' form): read as 1:{_shown(value)} "
        f"({_shown(total.value)} / {count})"
    )
    return Figure(value, "ratio", "; ".join(filter(None, [total.note, note])))


def _stray_mark(text: str, match: re.Match[str], style: NumberStyle) -> Figure:
    """A figure interrupted by a stray mark: the figure before the mark, with a note."""
    try:
        parsed = parse_number(match["figure"], style)
    except ValueError:
        return Figure(None, "category")
    if parsed.value is None:
        return Figure(None, "category")
    is_percent = bool(match["percent"])
    dropped = f", dropping '{match['after']}' after it" if match["after"] else ""
    note = (
        f"malformed figure '{text}': read as {_shown(parsed.value)}{' %' if is_percent else ''}"
        f", the figure before the stray '{match['mark']}'{dropped}"
    )
    kind: FigureKind = "percent" if is_percent else "number"
    return Figure(parsed.value, kind, "; ".join(filter(None, [parsed.note, note])))
