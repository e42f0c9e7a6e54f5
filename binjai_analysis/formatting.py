"""Numbers for readers, in Indonesian style (Babel `id_ID`): `1.234.567,89`, `5,3 %`.

Babel rounds half to even (`0,125` -> `0,12` at 2 decimals); exact figures stay in the datasets.
"""

from __future__ import annotations

import math

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
