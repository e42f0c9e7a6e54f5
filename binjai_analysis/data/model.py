"""The loaded data: every source, its printed tables and the canonical tables built from them.

`load_model()` is what notebooks, the audit and the CLI call: it reads every source folder,
validates every table on load (pandera; errors name file, row and column), checks the links
between sources, and builds the canonical layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from binjai_analysis.data.canonical import canonical_tables
from binjai_analysis.data.printed import TABLES, load_tables, unknown_files
from binjai_analysis.data.sources import Source, discover_sources, sources_directory
from binjai_analysis.errors import DataError


@dataclass(frozen=True)
class DataModel:
    """All the data: sources by id, their printed tables, and the canonical tables."""

    directory: Path
    sources: dict[str, Source]
    printed: dict[str, dict[str, pd.DataFrame]]
    """Per source id, its printed and curated tables by name (absent tables are left out)."""
    tables: dict[str, pd.DataFrame]
    """The canonical tables by name (see `data.canonical`)."""

    def __getitem__(self, name: str) -> pd.DataFrame:
        """A canonical table by name."""
        return self.tables[name]

    def source(self, source_id: str) -> Source:
        return self.sources[source_id]

    def documents(self, kind: str | None = None, year: int | None = None) -> pd.DataFrame:
        """The documents of every source, optionally only those of a kind and year."""
        table = self.tables["documents"]
        if kind is not None:
            table = table[table["kind"] == kind]
        if year is not None:
            table = table[table["year"] == year]
        return table.reset_index(drop=True)


def load_model(directory: Path | None = None, exclude: frozenset[str] = frozenset()) -> DataModel:
    """Every source folder of `directory` (default: `sources_directory()`) but those named in
    `exclude`, validated."""
    directory = sources_directory() if directory is None else directory
    sources = discover_sources(directory, exclude)
    for source in sources.values():
        source.lines  # noqa: B018 - reads the text: checks its checksum and the line ranges
        stray = unknown_files(source)
        if stray:
            raise DataError(
                f"Source {source.id} holds files that are no known table: "
                f"{', '.join(str(path) for path in stray)}. Known tables: {', '.join(TABLES)} "
                "(see binjai_analysis/data/DATA_DICTIONARY.md); rename or remove them."
            )
    printed = {source_id: load_tables(source) for source_id, source in sources.items()}
    return DataModel(directory, sources, printed, canonical_tables(sources, printed))
