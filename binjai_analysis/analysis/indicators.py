"""Link printed indicator rows (targets, realisations) to canonical indicators via the aliases."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.data import ALIAS_KEYS
from binjai_analysis.data.schemas import PERFORMANCE_DATASETS
from binjai_analysis.errors import DataError


def link_indicators(frame: pd.DataFrame, dataset: str, aliases: pd.DataFrame) -> pd.DataFrame:
    """Add `indicator_id` and `match_basis` to the rows of `dataset`; the input is unchanged.

    Raises:
        DataError: a printed indicator row has no alias (the curation is incomplete).
    """
    links = aliases.loc[aliases["dataset"] == dataset, [*ALIAS_KEYS, "indicator_id", "match_basis"]]
    linked = frame.merge(links, on=ALIAS_KEYS, how="left", validate="many_to_one")
    missing = linked[linked["match_basis"].isna()]
    if not missing.empty:
        first = missing.iloc[0]
        raise DataError(
            f"{len(missing)} row(s) of {dataset} have no entry in indicator_aliases.csv, e.g. "
            f"{first['source_table']} sasaran {first['sasaran_no']} indicator "
            f"{first['indicator_no'] or '–'} {first['indicator_name']!r} (source line "
            f"{first['source_line']}). Add it to indicator_aliases.csv."
        )
    return linked


def performance_table(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every target and realisation figure of every table, with its canonical indicator."""
    frames = []
    for dataset in PERFORMANCE_DATASETS:
        linked = link_indicators(data[dataset], dataset, data["indicator_aliases"])
        frames.append(linked.assign(dataset=dataset))
    columns = [
        "dataset",
        "source_table",
        "sasaran_no",
        "indicator_no",
        "indicator_name",
        "indicator_id",
        "match_basis",
        "unit",
        "year",
        "measure",
        "source_line",
        "raw",
        "number_style",
        "value",
        "parse_note",
    ]
    return pd.concat([frame[columns] for frame in frames], ignore_index=True)
