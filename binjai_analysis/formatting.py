"""Numbers for readers, in Indonesian style (Babel `id_ID`): `1.234.567,89`, `5,3 %`.

Babel rounds half to even (`0,125` -> `0,12` at 2 decimals); exact figures stay in the datasets.
"""

from __future__ import annotations

import math

import pandas as pd
from babel.numbers import format_decimal

LOCALE = "id_ID"

D3_FORMAT_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
"""The same convention for Vega charts (d3-format ships no Indonesian locale)."""


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
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def format_percent(value: float | None, decimals: int = 2) -> str:
    """Format a value already in percent, e.g. `5.29` -> `'5,29 %'`.

    Examples:
        >>> format_percent(5.29)
        '5,29 %'
    """
    text = format_number(value, decimals)
    return text if text == "–" else f"{text} %"


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
                return f"{sign}Rp {format_number(magnitude / size, decimals)} {word}"
    return f"{sign}Rp {format_number(magnitude, 0)}"


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
