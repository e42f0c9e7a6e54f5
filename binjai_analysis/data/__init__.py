"""Packaged, validated datasets read from the vendored LKjIP source. One loader per dataset."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from binjai_analysis.data.loading import read_dataset
from binjai_analysis.data.schemas import MACRO_SERIES
from binjai_analysis.paths import DATASETS_DIR

__all__ = ["LOADERS", "load_macro_series"]


def load_macro_series() -> pd.DataFrame:
    """Tabel 1.2: growth (%) and PDRB per capita ADHB/ADHK (thousand rupiah), 2013-2017.

    Examples:
        >>> df = load_macro_series()
        >>> sorted(df["indicator_id"].unique())
        ['pdrb_per_kapita_adhb', 'pdrb_per_kapita_adhk', 'pertumbuhan_ekonomi']
    """
    return read_dataset(DATASETS_DIR / "macro_series.csv", MACRO_SERIES)


LOADERS: dict[str, Callable[[], pd.DataFrame]] = {"macro_series": load_macro_series}
"""Every dataset by name, so checks (provenance, schemas) can cover all of them."""
