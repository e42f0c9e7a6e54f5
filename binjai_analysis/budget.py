"""Budget tables reshaped for analysis: one row per printed program row, figures side by side."""

from __future__ import annotations

import re

import pandas as pd

from binjai_analysis.tidy import spread_measures

ROW_KEYS = ["row_seq", "printed_no", "program"]


def normalise_program(name: str) -> str:
    """A program name reduced for matching: lower case, no 'Program' prefix, no punctuation.

    Examples:
        >>> normalise_program("Program  Pelayanan Administrasi Perkantoran.")
        'pelayanan administrasi perkantoran'
    """
    text = re.sub(r"[^\w\s]", " ", name.lower())
    text = re.sub(r"^\s*program\s+", "", text)
    return " ".join(text.split())


def budget_rows(budget: pd.DataFrame) -> pd.DataFrame:
    """One row per printed program row with `anggaran`, `realisasi`, `persen` and their lines.

    The input is the long dataset (one row per printed figure); measures missing in a row stay
    empty. `<measure>_raw` and `<measure>_line` keep each figure's provenance.
    """
    wide = spread_measures(budget, ROW_KEYS)
    wide = wide.sort_values("row_seq", kind="stable").reset_index(drop=True)
    wide["program_key"] = wide["program"].map(normalise_program)
    return wide
