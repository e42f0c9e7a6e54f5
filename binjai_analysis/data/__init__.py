"""Packaged, validated datasets read from the vendored LKjIP source: one loader per dataset.

Each `load_<name>()` returns a DataFrame validated by its pandera schema; bad input raises
`DataError` naming the file, the row and the column.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from binjai_analysis.data.loading import read_dataset
from binjai_analysis.data.registry import DATASETS, Dataset
from binjai_analysis.data.schemas import PERFORMANCE_DATASETS
from binjai_analysis.errors import DataError
from binjai_analysis.paths import DATASETS_DIR

__all__ = [
    "DATASETS",
    "LOADERS",
    "load_all",
    "load_budget_2018",
    "load_budget_narrative",
    "load_budget_totals",
    "load_dataset",
    "load_indicator_aliases",
    "load_indicators",
    "load_kecamatan",
    "load_kelurahan",
    "load_macro_series",
    "load_misi",
    "load_pk2019_budget",
    "load_pk2019_targets",
    "load_population_kecamatan",
    "load_rating_scale",
    "load_realisations_sasaran",
    "load_realisations_tabel_3_2",
    "load_reported_summary",
    "load_sasaran",
    "load_targets_pk2018",
    "load_targets_rpjmd",
    "load_tujuan",
]


DATA_DIR_VARIABLE = "BINJAI_DATASETS_DIR"
"""Environment variable naming another datasets folder (a researcher's edited copy, or a test's
broken one); default: the packaged datasets."""


def data_directory() -> Path:
    """The datasets folder: $BINJAI_DATASETS_DIR if set, else the packaged one."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    return Path(override) if override else DATASETS_DIR


ALIASES = "indicator_aliases"
ALIAS_KEYS = ["source_table", "sasaran_no", "indicator_no", "indicator_name"]


def _with_references(
    dataset: Dataset, directory: Path, loaded: dict[str, pd.DataFrame]
) -> pa.DataFrameSchema:
    """The dataset's schema plus one check per reference to another dataset's ids."""
    schema = dataset.schema
    for ref in dataset.references:
        if ref.target not in loaded:
            loaded[ref.target] = load_dataset(ref.target, directory, loaded)
        known = set(loaded[ref.target][ref.target_column])
        check = pa.Check(
            # An empty value is allowed where the column may be empty ("links to nothing").
            lambda values, known=known: values.isin(known) | values.eq(""),
            name=f"refers to a known {ref.target}.{ref.target_column}",
        )
        column = schema.columns[ref.column]
        schema = schema.update_column(ref.column, checks=[*column.checks, check])
    return schema


def load_dataset(
    name: str, directory: Path | None = None, loaded: dict[str, pd.DataFrame] | None = None
) -> pd.DataFrame:
    """Load and validate dataset `name` from `directory` (tests point it at broken copies).

    `loaded` holds datasets already loaded from the same directory, so that the datasets a
    reference points to are read once.
    """
    if name not in DATASETS:
        raise DataError(f"Unknown dataset {name!r}. Known: {', '.join(sorted(DATASETS))}.")
    directory = data_directory() if directory is None else directory
    dataset = DATASETS[name]
    loaded = {} if loaded is None else loaded
    schema = _with_references(dataset, directory, loaded)
    frames = [read_dataset(directory / file, schema) for file in dataset.files]
    if name in PERFORMANCE_DATASETS:
        if ALIASES not in loaded:
            loaded[ALIASES] = load_dataset(ALIASES, directory, loaded)
        for file, frame in zip(dataset.files, frames, strict=True):
            _check_aliased(name, directory / file, frame, loaded[ALIASES])
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def _check_aliased(name: str, path: Path, frame: pd.DataFrame, aliases: pd.DataFrame) -> None:
    """Every printed indicator row must be linked (to an indicator, or to none, with a reason)."""
    known = set(
        aliases.loc[aliases["dataset"] == name, ALIAS_KEYS].itertuples(index=False, name=None)
    )
    rows = frame[ALIAS_KEYS].itertuples(index=False, name=None)
    missing = [index for index, key in enumerate(rows) if key not in known]
    if missing:
        lines = [f"Dataset {path} has indicator rows missing from {ALIASES}.csv:"]
        for index in missing[:10]:
            row = frame.iloc[index]
            lines.append(
                f"  - row {index + 1} (line {index + 2} of the file), column 'indicator_name': "
                f"{row['indicator_name']!r} (sasaran {row['sasaran_no']}, "
                f"{row['source_table']}) has no link to an indicator"
            )
        raise DataError("\n".join(lines))


def load_all(directory: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every dataset, validated, by name (each file read once)."""
    directory = data_directory() if directory is None else directory
    loaded: dict[str, pd.DataFrame] = {}
    for name in DATASETS:
        if name not in loaded:
            loaded[name] = load_dataset(name, directory, loaded)
    return {name: loaded[name] for name in DATASETS}


def _loader(name: str) -> Callable[[], pd.DataFrame]:
    def load() -> pd.DataFrame:
        return load_dataset(name)

    load.__name__ = f"load_{name}"
    load.__doc__ = f"{DATASETS[name].description}\n\nValidated by its pandera schema."
    return load


LOADERS: dict[str, Callable[[], pd.DataFrame]] = {name: _loader(name) for name in DATASETS}
"""Every dataset's loader by name, so checks (provenance, schemas) can cover all of them."""

load_budget_2018 = LOADERS["budget_2018"]
load_budget_narrative = LOADERS["budget_narrative"]
load_budget_totals = LOADERS["budget_totals"]
load_indicator_aliases = LOADERS["indicator_aliases"]
load_indicators = LOADERS["indicators"]
load_kecamatan = LOADERS["kecamatan"]
load_kelurahan = LOADERS["kelurahan"]
load_macro_series = LOADERS["macro_series"]
load_misi = LOADERS["misi"]
load_pk2019_budget = LOADERS["pk2019_budget"]
load_pk2019_targets = LOADERS["pk2019_targets"]
load_population_kecamatan = LOADERS["population_kecamatan"]
load_rating_scale = LOADERS["rating_scale"]
load_realisations_sasaran = LOADERS["realisations_sasaran"]
load_realisations_tabel_3_2 = LOADERS["realisations_tabel_3_2"]
load_reported_summary = LOADERS["reported_summary"]
load_sasaran = LOADERS["sasaran"]
load_targets_pk2018 = LOADERS["targets_pk2018"]
load_targets_rpjmd = LOADERS["targets_rpjmd"]
load_tujuan = LOADERS["tujuan"]
