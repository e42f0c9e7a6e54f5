"""Check that each dataset row's `raw` string really is printed at its `source_line`."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from binjai_analysis.data.parsing import normalise_whitespace

WRAP_LINES = 4
"""A printed figure may wrap over this many source lines."""


def raw_is_at_line(raw: str, line: int, lines: Sequence[str], wrap: int = WRAP_LINES) -> bool:
    """Whether `raw` (whitespace normalised) starts on 1-based `line` of `lines`.

    Examples:
        >>> raw_is_at_line("24.574,84", 2, ["Tabel", "24.574,84 27.227,36"])
        True
        >>> raw_is_at_line("Jumlah Penduduk", 1, ["Jumlah", "Penduduk"])
        True
        >>> raw_is_at_line("27.227,36", 1, ["Tabel", "24.574,84 27.227,36"])
        False
    """
    if not 1 <= line <= len(lines):
        return False
    first = normalise_whitespace(lines[line - 1])
    window = normalise_whitespace(" ".join(lines[line - 1 : line - 1 + wrap]))
    target = normalise_whitespace(raw)
    start = window.find(target)
    while start != -1:
        if start < len(first):
            return True
        start = window.find(target, start + 1)
    return False


def rows_not_in_source(frame: pd.DataFrame, lines: Sequence[str]) -> pd.DataFrame:
    """The rows of `frame` whose `raw` is not printed at their `source_line` of `lines` (a
    source's text, `Source.lines`)."""
    found = [
        raw_is_at_line(raw, line, lines)
        for raw, line in zip(frame["raw"], frame["source_line"], strict=True)
    ]
    return frame[[not ok for ok in found]]


SEARCH_LINES = 300
"""How far from its `source_line` a misplaced `raw` is looked for (to suggest its line)."""


def nearest_line(
    raw: str, line: int, lines: Sequence[str], within: int = SEARCH_LINES
) -> int | None:
    """The line nearest to `line` (at most `within` lines away) at which `raw` is printed.

    Examples:
        >>> nearest_line("27.227,36", 1, ["Tabel", "24.574,84 27.227,36"])
        2
        >>> nearest_line("99", 1, ["Tabel", "24.574,84"]) is None
        True
    """
    for distance in range(1, within + 1):
        for candidate in (line - distance, line + distance):
            if raw_is_at_line(raw, candidate, lines):
                return candidate
    return None
