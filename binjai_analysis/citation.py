"""Source captions: every table and chart names the source table and lines it came from."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.data.source import SOURCE_TITLE


def source_caption(frame: pd.DataFrame, processed: bool = False) -> str:
    """Caption naming the source tables and source lines behind `frame`'s rows.

    Examples:
        >>> rows = pd.DataFrame({"source_table": ["Tabel 1.2"] * 2, "source_line": [747, 684]})
        >>> source_caption(rows)
        'Sumber: LKjIP Kota Binjai 2018, Tabel 1.2 (baris 684, 747 teks sumber)'
    """
    parts = []
    for table, group in frame.groupby("source_table", sort=True):
        lines = ", ".join(str(line) for line in sorted(set(group["source_line"])))
        parts.append(f"{table} (baris {lines} teks sumber)")
    suffix = " (diolah)" if processed else ""
    return f"Sumber: {SOURCE_TITLE}, {'; '.join(parts)}{suffix}"
