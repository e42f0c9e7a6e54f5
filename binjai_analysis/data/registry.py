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


SASARAN_REF = Reference("sasaran_no", "sasaran", "sasaran_no")
"""Every target and realisation row belongs to a known sasaran."""

DATASETS: dict[str, Dataset] = {
    dataset.name: dataset
    for dataset in (
        _single("kecamatan", schemas.KECAMATAN),
        _single("kelurahan", schemas.KELURAHAN),
        _single("population_kecamatan", schemas.POPULATION_KECAMATAN),
        _single("macro_series", schemas.MACRO_SERIES),
        _single("misi", schemas.MISI),
        _single("tujuan", schemas.TUJUAN, Reference("misi_id", "misi", "misi_id")),
        _single("sasaran", schemas.SASARAN, Reference("tujuan_id", "tujuan", "tujuan_id")),
        _single("indicators", schemas.INDICATORS, Reference("sasaran_id", "sasaran", "sasaran_id")),
        _single("targets_rpjmd", schemas.TARGETS_RPJMD, SASARAN_REF),
        _single("targets_pk2018", schemas.TARGETS_PK2018, SASARAN_REF),
        _single("rating_scale", schemas.RATING_SCALE),
        _single("realisations_tabel_3_2", schemas.REALISATIONS_TABEL_3_2, SASARAN_REF),
        Dataset(
            "realisations_sasaran",
            schemas.REALISATIONS_SASARAN,
            ("realisations_sasaran_a.csv", "realisations_sasaran_b.csv"),
            (SASARAN_REF,),
        ),
        _single("budget_2018", schemas.BUDGET_2018),
        _single("budget_totals", schemas.BUDGET_TOTALS),
        _single("budget_narrative", schemas.BUDGET_NARRATIVE),
        _single("pk2019_targets", schemas.PK2019_TARGETS, SASARAN_REF),
        _single("pk2019_budget", schemas.PK2019_BUDGET),
        _single("reported_summary", schemas.REPORTED_SUMMARY),
        _single(
            "indicator_aliases",
            schemas.INDICATOR_ALIASES,
            Reference("indicator_id", "indicators", "indicator_id"),
            Reference("sasaran_no", "sasaran", "sasaran_no"),
        ),
    )
}
