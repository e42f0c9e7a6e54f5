"""The canonical layer: every source's printed tables made year-generic, in one set of tables.

Each canonical row keeps its printed row's provenance (`source_table`, `source_line`, `raw`,
`number_style`, `value`, `parse_note`) and says where it comes from: `source` (the folder),
`document` (found from `source_line` and the origin's line ranges), `document_year`, and for
the figures of indicators its `year`, `measure`, `basis` and canonical `indicator_id`. The
analysis selects a year's rows by these values; nothing here names a year.

Tables:

- `documents`, `periods`: what the sources hold;
- `misi`, `tujuan`, `sasaran`, `indicators`: the strategic framework per plan period;
- `indicator_values`: every target, realisation and printed capaian or predikat;
- `budget_lines`: every program budget figure, with its `phase` (anggaran, realisasi, plan);
- `budget_totals`, `budget_narrative`, `reported_summary`, `rating_scale`: the other figures a
  report prints about its year;
- `macro_series`, `kecamatan`, `kelurahan`, `population_kecamatan`: macro series and the
  regional profile, as each document prints them;
- `program_sasaran`: the curated program → sasaran links, per source.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.data.schemas import PERFORMANCE_BASIS
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

ORIGIN_COLUMNS = ["source", "document", "document_year"]

CANONICAL_DESCRIPTIONS = {
    "documents": "Every document of every source: its kind, year, title and line range.",
    "periods": "The plan periods (RPJMD) the sources report against.",
    "misi": "The misi of each plan period.",
    "tujuan": "The tujuan of each plan period, each under one misi.",
    "sasaran": "The sasaran of each plan period, each under one tujuan.",
    "indicators": "The indicators (IKU) of each plan period: unit, agency, polarity, value type.",
    "indicator_values": "Every printed figure of an indicator, across sources and years: its "
    "year, measure and basis (RPJMD, PK, LKjIP table or summary), linked to the indicator.",
    "budget_lines": "Every printed program budget figure, across sources and years, with its "
    "phase (anggaran, realisasi, plan).",
    "budget_totals": "Printed budget totals, per document.",
    "budget_narrative": "Program budget figures quoted in the narrative, per document.",
    "reported_summary": "Summary figures a report states about itself, per document.",
    "rating_scale": "The rating scale (predikat) each report prints.",
    "macro_series": "Macro series by year, as each document prints them.",
    "kecamatan": "Area and administrative counts per kecamatan, per document.",
    "kelurahan": "The kelurahan of each kecamatan, per document.",
    "population_kecamatan": "Population and shares per kecamatan, per document.",
    "program_sasaran": "The curated program → sasaran links of each source.",
}
"""What each canonical table holds (the data dictionary and the Data page use it)."""

CANONICAL_COLUMNS = {
    "source": "The source folder the row comes from (binjai_analysis/data/sources/<source>).",
    "document": "The document of the source that prints the row (found from source_line).",
    "document_year": "The year of that document.",
    "period": "The plan period (RPJMD) the row belongs to.",
    "printed_table": "The printed table of the source the row comes from.",
    "basis": "What the figure is: rpjmd (RPJMD target), pk (Perjanjian Kinerja target), "
    "lkjip_table (LKjIP per-sasaran table) or lkjip_summary (LKjIP summary table).",
    "phase": "anggaran or realisasi (an LKjIP's budget table), plan (a Perjanjian Kinerja).",
    "kind": "The document's kind: LKjIP, IKU, PK, ...",
    "title": "The document's (or period's) title.",
    "source_title": "The short title of the source.",
    "first_line": "First line of the document in the source text.",
    "last_line": "Last line of the document in the source text.",
    "test_data": "True for made-up test data, never to be cited.",
    "start": "First year of the plan period.",
    "end": "Last year of the plan period.",
}
"""Descriptions of the columns the canonical layer adds to the printed tables."""
FRAMEWORK = ("misi", "tujuan", "sasaran", "indicators")
FRAMEWORK_KEYS = {
    "misi": "misi_id",
    "tujuan": "tujuan_id",
    "sasaran": "sasaran_id",
    "indicators": "indicator_id",
}
ALIAS_KEYS = ["source_table", "sasaran_no", "indicator_no", "indicator_name"]
BUDGET_TABLES = {"lkjip_budget": "realisasi", "pk_budget": "plan"}
"""Printed budget tables and the budget phase their figures belong to: an LKjIP's table holds
the year's anggaran and its realisasi; a Perjanjian Kinerja's holds the planned allocation."""
BY_DOCUMENT = (
    "budget_totals",
    "budget_narrative",
    "reported_summary",
    "rating_scale",
    "macro_series",
    "kecamatan",
    "kelurahan",
    "population_kecamatan",
)
"""Printed tables that are canonical once each row names its source and document."""


def documents_table(sources: dict[str, Source]) -> pd.DataFrame:
    """One row per document of every source: kind, year, title, line range, plan period."""
    rows = []
    for source in sources.values():
        period = source.origin.plan_period
        for document in source.origin.documents:
            first, last = document.lines or (None, None)
            rows.append(
                {
                    "source": source.id,
                    "document": document.id,
                    "kind": document.kind,
                    "year": document.year,
                    "title": document.title,
                    "source_title": source.origin.short_title,
                    "first_line": first,
                    "last_line": last,
                    "period": period.id if period else "",
                    "test_data": source.origin.test_data,
                }
            )
    table = pd.DataFrame(rows)
    return table.astype({"first_line": "Int64", "last_line": "Int64"})


def periods_table(sources: dict[str, Source]) -> pd.DataFrame:
    """One row per plan period, with the first source (in id order) that declares it."""
    rows = {}
    for source in sources.values():
        period = source.origin.plan_period
        if period is not None and period.id not in rows:
            rows[period.id] = {
                "period": period.id,
                "kind": period.kind,
                "title": period.title,
                "start": period.start,
                "end": period.end,
                "source": source.id,
            }
    columns = ["period", "kind", "title", "start", "end", "source"]
    return pd.DataFrame(list(rows.values()), columns=columns)


def _documents_of(frame: pd.DataFrame, source: Source, table: str) -> pd.DataFrame:
    """`frame` with `source`, `document` and `document_year` in front, found from the lines.

    A source without a text (entered by hand) must hold exactly one document.
    """
    documents = source.origin.documents
    if source.origin.text is None:
        if len(documents) != 1:
            raise DataError(
                f"Source {source.id} has no text, so its rows cannot be placed by line: its "
                f"origin file must list exactly one document (it lists {len(documents)})."
            )
        found = [documents[0]] * len(frame)
    else:
        found = [source.document_of_line(int(line)) for line in frame["source_line"]]
    missing = [index for index, document in enumerate(found) if document is None]
    if missing:
        row = missing[0]
        raise DataError(
            f"{source.printed_dir / (table + '.csv')}: row {row + 1} (line {row + 2} of the "
            f"file), column 'source_line': line {frame['source_line'].iloc[row]} lies in no "
            f"document of {source.folder / 'origin.yaml'}. Extend a document's 'lines' or add "
            "the document."
        )
    placed = frame.copy()
    placed.insert(0, "document_year", [document.year for document in found])
    placed.insert(0, "document", [document.id for document in found])
    placed.insert(0, "source", source.id)
    return placed.reset_index(drop=True)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame | None:
    frames = [frame for frame in frames if frame is not None]
    return pd.concat(frames, ignore_index=True) if frames else None


def framework_tables(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]]
) -> dict[str, pd.DataFrame]:
    """Misi, tujuan, sasaran and indicators per plan period (`period` column).

    A source's framework tables belong to the plan period its origin declares. When two sources
    print the same period's framework, the first source (in id order) is used.
    """
    tables: dict[str, list[pd.DataFrame]] = {name: [] for name in FRAMEWORK}
    seen: set[str] = set()
    for source_id, tables_of_source in printed.items():
        if not any(name in tables_of_source for name in FRAMEWORK):
            continue
        source = sources[source_id]
        period = source.origin.plan_period
        if period is None:
            raise DataError(
                f"Source {source_id} prints framework tables (misi, tujuan, sasaran, indicators) "
                f"but {source.folder / 'origin.yaml'} declares no plan_period they belong to."
            )
        if period.id in seen:
            continue
        absent = [name for name in FRAMEWORK if name not in tables_of_source]
        if absent:
            raise DataError(
                f"Source {source_id} prints part of the framework of {period.id}; missing: "
                f"{', '.join(f'printed/{name}.csv' for name in absent)}."
            )
        seen.add(period.id)
        for name in FRAMEWORK:
            frame = _documents_of(tables_of_source[name], source, name)
            frame.insert(0, "period", period.id)
            tables[name].append(frame)
    return {
        name: (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame())
        for name, frames in tables.items()
    }


def _link(
    frame: pd.DataFrame, table: str, aliases: pd.DataFrame | None, source: Source
) -> pd.DataFrame:
    """Add `indicator_id` and `match_basis` from the source's aliases; every row must be linked."""
    path = source.curation_dir / "indicator_aliases.csv"
    if aliases is None:
        raise DataError(
            f"Source {source.id} prints indicator figures (printed/{table}.csv) but has no "
            f"{path}: link each printed indicator name to its canonical indicator there."
        )
    links = aliases.loc[aliases["dataset"] == table, [*ALIAS_KEYS, "indicator_id", "match_basis"]]
    linked = frame.merge(links, on=ALIAS_KEYS, how="left", validate="many_to_one")
    missing = linked.index[linked["match_basis"].isna()]
    if len(missing):
        lines = [f"{source.printed_dir / (table + '.csv')} has indicator rows missing from {path}:"]
        for index in missing[:10]:
            row = frame.loc[index]
            lines.append(
                f"  - row {index + 1} (line {index + 2} of the file), column 'indicator_name': "
                f"{row['indicator_name']!r} (sasaran {row['sasaran_no']}, {row['source_table']}) "
                "has no link to an indicator"
            )
        if len(missing) > 10:
            lines.append(f"  ... and {len(missing) - 10} more rows")
        raise DataError("\n".join(lines))
    return linked


def indicator_values(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]]
) -> pd.DataFrame:
    """Every printed figure of an indicator, linked, with its basis, year and measure."""
    frames = []
    for source_id, tables in printed.items():
        source = sources[source_id]
        period = source.origin.plan_period
        for table, basis in PERFORMANCE_BASIS.items():
            if table not in tables:
                continue
            rows = _link(tables[table], table, tables.get("indicator_aliases"), source)
            rows = _documents_of(rows, source, table)
            rows.insert(3, "period", period.id if period else "")
            rows.insert(4, "printed_table", table)
            rows.insert(5, "basis", basis)
            frames.append(rows)
    columns = [
        "source",
        "document",
        "document_year",
        "period",
        "printed_table",
        "basis",
        "indicator_id",
        "match_basis",
        "sasaran_no",
        "indicator_no",
        "indicator_name",
        "unit",
        "agency",
        "row_no",
        "year",
        "measure",
        "source_table",
        "source_line",
        "raw",
        "number_style",
        "value",
        "parse_note",
    ]
    table = _concat(frames)
    if table is None:
        return pd.DataFrame(columns=columns)
    for column in ("agency", "row_no"):
        table[column] = table[column].fillna("") if column in table else ""
    return table[columns]


def budget_lines(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]]
) -> pd.DataFrame:
    """Every printed program budget figure, with its year (the document's) and phase.

    `phase` is `anggaran` or `realisasi` for an LKjIP's budget table (its printed % column
    belongs to the realisation) and `plan` for a Perjanjian Kinerja's allocation.
    """
    frames = []
    for source_id, tables in printed.items():
        for table, stage in BUDGET_TABLES.items():
            if table not in tables:
                continue
            rows = _documents_of(tables[table], sources[source_id], table)
            if stage == "plan":
                phase = pd.Series("plan", index=rows.index)
            else:
                phase = rows["measure"].where(rows["measure"] == "anggaran", "realisasi")
            rows.insert(3, "printed_table", table)
            rows.insert(4, "year", rows["document_year"])
            rows.insert(5, "phase", phase)
            frames.append(rows)
    table = _concat(frames)
    return table if table is not None else pd.DataFrame()


def by_document(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]], name: str
) -> pd.DataFrame:
    """A printed table of every source that holds it, each row placed in its document."""
    frames = [
        _documents_of(tables[name], sources[source_id], name)
        for source_id, tables in printed.items()
        if name in tables
    ]
    table = _concat(frames)
    return table if table is not None else pd.DataFrame()


def program_links(printed: dict[str, dict[str, pd.DataFrame]]) -> pd.DataFrame:
    """The curated program → sasaran links of every source (`source` column in front)."""
    frames = []
    for source_id, tables in printed.items():
        if "program_sasaran" in tables:
            frames.append(tables["program_sasaran"].assign(source=source_id))
    table = _concat(frames)
    if table is None:
        return pd.DataFrame(columns=["source", "program", "sasaran_no", "basis"])
    return table[["source", *(c for c in table.columns if c != "source")]]


FRAMEWORK_LINKS = (
    ("tujuan", "misi_id", "misi"),
    ("sasaran", "tujuan_id", "tujuan"),
    ("indicators", "sasaran_id", "sasaran"),
)
"""(table, column, parent table): each framework row belongs to a parent of its period."""


def _first_bad(
    frame: pd.DataFrame,
    bad: pd.Series,
    sources: dict[str, Source],
    table: str,
    folder: str,
    column: str,
    what: str,
) -> DataError:
    """An error naming the file, row and column of the first row flagged in `bad`."""
    index = bad[bad].index[0]
    row = frame.loc[index]
    source = sources[row["source"]]
    within = frame[frame["source"] == row["source"]].index.get_loc(index)
    path = source.folder / folder / f"{table}.csv"
    return DataError(
        f"{path}: row {within + 1} (line {within + 2} of the file), column '{column}': "
        f"{row[column]!r} {what}. {int(bad.sum())} row(s) are affected."
    )


def check_framework(tables: dict[str, pd.DataFrame], sources: dict[str, Source]) -> None:
    """Every tujuan, sasaran and indicator points to a parent of its own plan period, and every
    curated program link to a sasaran of its source's period."""
    for table, column, parent in FRAMEWORK_LINKS:
        frame, parents = tables[table], tables[parent]
        if frame.empty:
            continue
        key = FRAMEWORK_KEYS[parent]
        known = set(zip(parents["period"], parents[key], strict=True))
        bad = pd.Series(
            [pair not in known for pair in zip(frame["period"], frame[column], strict=True)],
            index=frame.index,
        )
        if bad.any():
            raise _first_bad(
                frame, bad, sources, table, "printed", column, f"is not a {parent} of its period"
            )
    links = tables["program_sasaran"]
    if links.empty:
        return
    period_of = {
        s.id: s.origin.plan_period.id if s.origin.plan_period else "" for s in sources.values()
    }
    sasaran = tables["sasaran"]
    known_no = set(zip(sasaran.get("period", []), sasaran.get("sasaran_no", []), strict=True))
    bad = pd.Series(
        [
            pd.notna(no) and (period_of[source], no) not in known_no
            for source, no in zip(links["source"], links["sasaran_no"], strict=True)
        ],
        index=links.index,
    )
    if bad.any():
        raise _first_bad(
            links,
            bad,
            sources,
            "program_sasaran",
            "curation",
            "sasaran_no",
            "is not a sasaran of the source's plan period",
        )


def check_links(tables: dict[str, pd.DataFrame], sources: dict[str, Source]) -> None:
    """Every linked indicator and printed sasaran exists in its period's framework."""
    check_framework(tables, sources)
    values = tables["indicator_values"]
    if values.empty:
        return
    indicators = tables["indicators"]
    known = set(zip(indicators.get("period", []), indicators.get("indicator_id", []), strict=True))
    sasaran = tables["sasaran"]
    known_sasaran = set(zip(sasaran.get("period", []), sasaran.get("sasaran_no", []), strict=True))
    linked = values[values["indicator_id"] != ""]
    bad = linked[
        [key not in known for key in zip(linked["period"], linked["indicator_id"], strict=True)]
    ]
    if len(bad):
        row = bad.iloc[0]
        source = sources[row["source"]]
        aliases = source_aliases(source)
        match = aliases[
            (aliases["dataset"] == row["printed_table"])
            & (aliases["indicator_name"] == row["indicator_name"])
            & (aliases["indicator_id"] == row["indicator_id"])
        ].index
        where = f"row {match[0] + 1} (line {match[0] + 2} of the file)" if len(match) else "a row"
        raise DataError(
            f"{source.curation_dir / 'indicator_aliases.csv'}: {where}, column 'indicator_id': "
            f"{row['indicator_id']!r} (for {row['indicator_name']!r} in {row['printed_table']}) "
            f"is not an indicator of plan period {row['period'] or '(none declared)'}. "
            f"{len(bad)} printed row(s) are affected."
        )
    orphan = values[
        [
            key not in known_sasaran
            for key in zip(values["period"], values["sasaran_no"], strict=True)
        ]
    ]
    if len(orphan):
        row = orphan.iloc[0]
        raise DataError(
            f"{sources[row['source']].printed_dir / (row['printed_table'] + '.csv')}: column "
            f"'sasaran_no' holds {row['sasaran_no']} (line {row['source_line']} of the text), "
            f"which is not a sasaran of plan period {row['period'] or '(none declared)'}."
        )


def source_aliases(source: Source) -> pd.DataFrame:
    """A source's indicator aliases as committed (for messages that name a row)."""
    from binjai_analysis.data.printed import load_table

    aliases = load_table(source, "indicator_aliases")
    return aliases if aliases is not None else pd.DataFrame(columns=["dataset"])


def canonical_tables(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]]
) -> dict[str, pd.DataFrame]:
    """Every canonical table, from the sources and their printed tables."""
    tables = {
        "documents": documents_table(sources),
        "periods": periods_table(sources),
        **framework_tables(sources, printed),
        "indicator_values": indicator_values(sources, printed),
        "budget_lines": budget_lines(sources, printed),
        **{name: by_document(sources, printed, name) for name in BY_DOCUMENT},
        "program_sasaran": program_links(printed),
    }
    check_links(tables, sources)
    return tables
