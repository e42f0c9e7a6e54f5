"""The packaged datasets: which CSV files, which schema, which other datasets they point to."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandera.pandas as pa

from binjai_analysis.data import schemas


@dataclass(frozen=True)
class Reference:
    """`column` of a dataset must hold a value of `target_column` in dataset `target`."""

    column: str
    target: str
    target_column: str


@dataclass(frozen=True)
class Dataset:
    """One dataset: its schema, its CSV files (concatenated in order) and its references."""

    name: str
    schema: pa.DataFrameSchema
    files: tuple[str, ...]
    references: tuple[Reference, ...] = field(default=())

    @property
    def description(self) -> str:
        return self.schema.description or ""


def _single(name: str, schema: pa.DataFrameSchema, *refs: Reference) -> Dataset:
    return Dataset(name, schema, (f"{name}.csv",), refs)


DATASETS: dict[str, Dataset] = {
    dataset.name: dataset for dataset in (_single("macro_series", schemas.MACRO_SERIES),)
}
