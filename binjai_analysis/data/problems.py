"""Problems found in the data: where (file, row, column), what, and what to do about it.

Loading raises the errors among them at once (`DataError`); `binjai validate` reports them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pandas as pd

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"
SHOWN_IN_ERRORS = 20
"""At most this many problems are spelled out in a DataError's message."""


@dataclass(frozen=True)
class Problem:
    """One problem: an error makes the data unusable; a warning is worth a look.

    `row` is the 1-based data row of a CSV file (its line in the file is `row + 1`), 0 for the
    header, None for the whole file (an origin file, a missing table).
    """

    severity: Severity
    file: Path
    row: int | None
    column: str | None
    message: str
    suggestion: str = ""
    check: str = ""
    """Which check found it: schema, origin, link, provenance, range, unit, year, duplicate."""

    @property
    def line(self) -> int | None:
        """The problem's line in its CSV file (the header is line 1)."""
        return None if self.row is None else self.row + 1

    def _row_label(self, of_the_file: str) -> str:
        if self.row is None:
            return "whole file" if of_the_file else "-"
        if self.row == 0:
            return f"header (line 1{of_the_file})"
        return f"row {self.row} (line {self.line}{of_the_file})"

    def where(self) -> str:
        """'row 2 (line 3 of the file), column 'value'' and the like."""
        place = self._row_label(" of the file")
        return place if self.column is None else f"{place}, column '{self.column}'"

    def describe(self) -> str:
        """One sentence naming the file, row and column (for a DataError's message)."""
        return f"{self.file}: {self.where()}: {self.message}"

    def report_line(self) -> str:
        """`ERROR file:row:column: message — suggestion`, as `binjai validate` prints it."""
        where = f"{self.file}:{self._row_label('')}:{self.column or '-'}"
        text = f"{self.severity.upper()} {where}: {self.message}"
        return f"{text} — {self.suggestion}" if self.suggestion else text


def describe_problems(header: str, problems: Sequence[Problem]) -> str:
    """A DataError message: `header`, then one line per problem (the first few)."""
    lines = [header, *(f"  - {p.describe()}" for p in problems[:SHOWN_IN_ERRORS])]
    if len(problems) > SHOWN_IN_ERRORS:
        lines.append(
            f"  ... and {len(problems) - SHOWN_IN_ERRORS} more (binjai validate lists all)"
        )
    return "\n".join(lines)


def errors_of(problems: Iterable[Problem]) -> list[Problem]:
    """The errors among `problems`, each once, in order."""
    return [p for p in dict.fromkeys(problems) if p.severity == ERROR]


@lru_cache(maxsize=256)
def _rows_in(path: Path, modified: float) -> int:
    return len(pd.read_csv(path, usecols=[0], dtype=str, keep_default_na=False))


def row_count(path: Path) -> int:
    """The number of data rows of a CSV file (0 when it cannot be read)."""
    try:
        return _rows_in(path, path.stat().st_mtime)
    except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError):
        return 0


def locate(files: Sequence[Path], position: object) -> tuple[Path, int]:
    """The file and 1-based data row of row `position` (0-based) of a table read from `files`
    (one file, or its parts in order)."""
    index = int(position)  # type: ignore[call-overload]
    for path in files[:-1]:
        count = row_count(path)
        if index < count:
            return path, index + 1
        index -= count
    return files[-1], index + 1


def row_problem(
    files: Sequence[Path],
    position: object,
    column: str | None,
    message: str,
    suggestion: str = "",
    *,
    check: str,
    severity: Severity = ERROR,
) -> Problem:
    """A problem about row `position` (0-based, across the parts) of a table read from `files`."""
    path, row = locate(files, position)
    return Problem(severity, path, row, column, message, suggestion, check)
