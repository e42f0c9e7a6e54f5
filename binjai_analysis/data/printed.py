"""The printed layer: which tables a source may hold, their schemas, and how they are read.

Every source folder holds the same kinds of table, as many as its documents print:
`printed/<name>.csv` (or `printed/<name>_<part>.csv`, concatenated in name order) for what the
text prints, `curation/<name>.csv` for curated links. A table a source does not print is simply
absent; what a year needs is checked later, on the canonical tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from binjai_analysis.data import schemas
from binjai_analysis.data.loading import read_dataset
from binjai_analysis.data.sources import Source


@dataclass(frozen=True)
class Table:
    """One kind of printed (or curated) table: its name, schema and folder in a source."""

    name: str
    schema: pa.DataFrameSchema
    folder: str = "printed"
    """`printed` (figures as printed) or `curation` (links made by hand)."""

    @property
    def description(self) -> str:
        return self.schema.description or ""

    def files(self, source: Source) -> list[Path]:
        """This table's files in `source`: `<name>.csv`, or its parts `<name>_*.csv`."""
        folder = source.folder / self.folder
        single = folder / f"{self.name}.csv"
        if single.is_file():
            return [single]
        return sorted(folder.glob(f"{self.name}_*.csv"))


TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table("kecamatan", schemas.KECAMATAN),
        Table("kelurahan", schemas.KELURAHAN),
        Table("population_kecamatan", schemas.POPULATION_KECAMATAN),
        Table("macro_series", schemas.MACRO_SERIES),
        Table("misi", schemas.MISI),
        Table("tujuan", schemas.TUJUAN),
        Table("sasaran", schemas.SASARAN),
        Table("indicators", schemas.INDICATORS),
        Table("rpjmd_targets", schemas.RPJMD_TARGETS),
        Table("lkjip_agreement_targets", schemas.LKJIP_AGREEMENT_TARGETS),
        Table("rating_scale", schemas.RATING_SCALE),
        Table("lkjip_result_summary", schemas.LKJIP_RESULT_SUMMARY),
        Table("lkjip_results", schemas.LKJIP_RESULTS),
        Table("lkjip_budget", schemas.LKJIP_BUDGET),
        Table("budget_totals", schemas.BUDGET_TOTALS),
        Table("budget_narrative", schemas.BUDGET_NARRATIVE),
        Table("pk_targets", schemas.PK_TARGETS),
        Table("pk_budget", schemas.PK_BUDGET),
        Table("reported_summary", schemas.REPORTED_SUMMARY),
        Table("audit_findings", schemas.AUDIT_FINDINGS),
        Table("water_sources", schemas.WATER_SOURCES),
        Table("year_counts", schemas.YEAR_COUNTS),
        Table("indicator_aliases", schemas.INDICATOR_ALIASES, "curation"),
        Table("program_sasaran", schemas.PROGRAM_SASARAN, "curation"),
        Table("output_quantities", schemas.OUTPUT_QUANTITIES, "curation"),
        Table("agencies", schemas.AGENCIES, "curation"),
        Table("indicator_agencies", schemas.INDICATOR_AGENCIES, "curation"),
        Table("indicator_notes", schemas.INDICATOR_NOTES, "curation"),
    )
}
"""Every kind of table a source folder may hold, by name."""

PRINTED = [name for name, table in TABLES.items() if table.folder == "printed"]
CURATED = [name for name, table in TABLES.items() if table.folder == "curation"]


def table_files(source: Source, name: str) -> list[Path]:
    """The files table `name` of `source` is read from (its parts, or the one file), or the
    file it would be read from when the source does not hold it (for messages)."""
    table = TABLES[name]
    return table.files(source) or [source.folder / table.folder / f"{name}.csv"]


def load_table(source: Source, name: str) -> pd.DataFrame | None:
    """Table `name` of `source`, validated; None when the source does not hold it."""
    table = TABLES[name]
    files = table.files(source)
    if not files:
        return None
    frames = [read_dataset(path, table.schema) for path in files]
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def load_tables(source: Source) -> dict[str, pd.DataFrame]:
    """Every table `source` holds, validated, by name (tables it does not hold are absent)."""
    loaded = {name: load_table(source, name) for name in TABLES}
    return {name: frame for name, frame in loaded.items() if frame is not None}


def unknown_files(source: Source) -> list[Path]:
    """CSV files in a source's folders that belong to no known table (likely misnamed)."""
    known = {path for table in TABLES.values() for path in table.files(source)}
    found = [
        path
        for folder in ("printed", "curation")
        for path in sorted((source.folder / folder).glob("*.csv"))
    ]
    return [path for path in found if path not in known]
