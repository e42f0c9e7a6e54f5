"""CSV downloads as spreadsheets and code read them: UTF-8 with a byte-order mark, whole numbers
written as integers (a line number is `12479`, not `12479.0`) and other numbers with 15
significant digits, enough to give back the exact float without binary noise."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FLOAT_FORMAT = "%.15g"
"""Fifteen significant digits: every decimal a source prints survives, `0.1 + 0.2` does not
print as `0.30000000000000004`."""


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with each float column whose values are all whole (or missing) as nullable
    integers, so the CSV writes `12479`, never `12479.0`.

    Examples:
        >>> csv_frame(pd.DataFrame({"line": [12479.0, None], "share": [0.5, 1.0]})).dtypes.tolist()
        [Int64Dtype(), dtype('float64')]
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_float_dtype(values):
            present = values.dropna()
            finite = present.abs() < 2**53
            if len(present) and finite.all() and (present == present.round()).all():
                out[column] = values.astype("Int64")
    return out


def csv_text(frame: pd.DataFrame) -> str:
    """The CSV text of `frame` (no index), with integers and 15-digit floats.

    Examples:
        >>> print(csv_text(pd.DataFrame({"line": [3.0], "value": [0.1 + 0.2]})), end="")
        line,value
        3,0.3
    """
    return csv_frame(frame).to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A download as Excel opens it: the CSV text in UTF-8 with a byte-order mark."""
    return csv_text(frame).encode("utf-8-sig")


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write `frame` to `path` as a CSV download (see `csv_bytes`); returns `path`."""
    path.write_bytes(csv_bytes(frame))
    return path
