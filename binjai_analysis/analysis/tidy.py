"""Reshape long datasets (one row per printed figure) into one row per printed table row."""

from __future__ import annotations

import pandas as pd


def spread_measures(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per `keys`, a column per measure with its value, plus `<measure>_raw`/`_line`.

    Each figure keeps its provenance: `<measure>_raw` is the printed string and
    `<measure>_line` its source line. A measure printed twice for one key keeps the first.
    """
    rows = frame.drop_duplicates(subset=[*keys, "measure"], keep="first")
    wide = rows.set_index([*keys, "measure"])[["value", "raw", "source_line"]].unstack("measure")
    wide.columns = [
        measure if field == "value" else f"{measure}_{'raw' if field == 'raw' else 'line'}"
        for field, measure in wide.columns
    ]
    return wide.reset_index()
