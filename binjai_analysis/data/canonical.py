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
- `audit_findings`, `water_sources`, `year_counts`: small tables of Bab III (the audit findings
  with a loss, households by source of drinking water, the narrative's counts by year), as each
  document prints them;
- `program_sasaran`: the curated program → sasaran links, per source;
- `agencies`, `indicator_agencies`: the curated agencies of each source, and the agencies each
  indicator's printed responsible-agency text names (`data.agencies`).

Repeats: a table may print a row again (a page break repeats a run of rows under the repeated
header). The canonical layer keeps every printed row, so that each stays citable, and counts
only the first printing: in `indicator_values` a row that repeats an earlier printing of the
same indicator in the same printed table (`REPEAT_KEYS`: same sasaran, indicator number and
name up to case and spacing, year and measure, printed again after other rows) names that
printing's `source_line` in `repeat_of`; the first printing has none. Sum or count only the
rows where `repeat_of` is empty (`first_printings`). A repeat printed with a different value
keeps it, so that the conflict stays visible; the first printing is the one that counts. (The
rows stay because the intake scores its drafts against every printed row, and the audit cites
them.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from binjai_analysis.data.agencies import agency_tables
from binjai_analysis.data.notes import note_tables
from binjai_analysis.data.printed import table_files
from binjai_analysis.data.problems import ERROR, Problem, describe_problems, errors_of, row_problem
from binjai_analysis.data.schemas import PERFORMANCE_BASIS
from binjai_analysis.data.sources import ORIGIN_FILE, Source
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
    "audit_findings": "Audit findings that caused a loss, per examiner and agency, per document.",
    "water_sources": "Households by source of drinking water per kecamatan, per document.",
    "year_counts": "The narrative's small count-by-year tables, per document.",
    "program_sasaran": "The curated program → sasaran links of each source.",
    "output_quantities": "Curated output quantities with their program's cost, per document.",
    "agencies": "The curated agencies (perangkat daerah) each source names, at their line.",
    "indicator_agencies": "Each indicator with every agency its printed responsible-agency "
    "text names, and how that text was read (curated).",
    "indicator_notes": "Each indicator's data note in Bahasa Indonesia, for readers (curated; "
    "the English parse_note stays in indicators).",
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
    "repeat_of": "The source_line of the earlier printing this row repeats (same table, sasaran, "
    "indicator number and name, year and measure); empty for a first printing, the one that "
    "counts.",
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
    "audit_findings",
    "water_sources",
    "year_counts",
    "output_quantities",
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


def _documents_of(
    frame: pd.DataFrame, source: Source, table: str, problems: list[Problem]
) -> pd.DataFrame:
    """`frame` with `source`, `document` and `document_year` in front, found from the lines.

    A source without a text (entered by hand) must hold exactly one document. Rows whose line
    lies in no document are left out, each a problem.
    """
    documents = source.origin.documents
    if source.origin.text is None:
        if len(documents) != 1:
            problems.append(
                Problem(
                    ERROR,
                    source.folder / ORIGIN_FILE,
                    None,
                    "documents",
                    f"Source {source.id} has no text, so its rows cannot be placed by line: its "
                    f"origin file must list exactly one document (it lists {len(documents)}).",
                    "list one document, or add the text and each document's lines",
                    "origin",
                )
            )
            frame = frame.iloc[:0]
        found = [documents[0]] * len(frame)
    else:
        found = [source.document_of_line(int(line)) for line in frame["source_line"]]
    files = _files(source, table)
    for position, line, document in zip(frame.index, frame["source_line"], found, strict=True):
        if document is None:
            problems.append(
                row_problem(
                    files,
                    position,
                    "source_line",
                    f"line {line} lies in no document of {source.folder / ORIGIN_FILE}",
                    "extend a document's 'lines', or add the document",
                    check="year",
                )
            )
    placed = frame[_mask(frame, [document is not None for document in found])].copy()
    kept = [document for document in found if document is not None]
    placed.insert(0, "document_year", [document.year for document in kept])
    placed.insert(0, "document", [document.id for document in kept])
    placed.insert(0, "source", source.id)
    return placed.reset_index(drop=True)


def _mask(frame: pd.DataFrame, flags: list[bool]) -> pd.Series:
    """`flags` as a boolean mask of `frame`'s rows (an empty list selects no rows, not columns)."""
    return pd.Series(flags, index=frame.index, dtype=bool)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame | None:
    frames = [frame for frame in frames if frame is not None]
    return pd.concat(frames, ignore_index=True) if frames else None


def _files(source: Source, table: str) -> list[Path]:
    """The files table `table` of `source` is read from (its parts, or the one file)."""
    return table_files(source, table)


def framework_tables(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]], problems: list[Problem]
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
            problems.append(
                Problem(
                    ERROR,
                    source.folder / ORIGIN_FILE,
                    None,
                    "plan_period",
                    f"Source {source_id} prints framework tables (misi, tujuan, sasaran, "
                    f"indicators) but {source.folder / ORIGIN_FILE} declares no plan_period "
                    "they belong to",
                    "add the plan_period (the RPJMD) the framework belongs to",
                    "link",
                )
            )
            continue
        if period.id in seen:
            continue
        absent = [name for name in FRAMEWORK if name not in tables_of_source]
        if absent:
            for name in absent:
                problems.append(
                    Problem(
                        ERROR,
                        source.printed_dir / f"{name}.csv",
                        None,
                        None,
                        f"Source {source_id} prints part of the framework of {period.id}; "
                        f"missing: {', '.join(f'printed/{n}.csv' for n in absent)}.",
                        "a plan period's framework is misi, tujuan, sasaran and indicators",
                        "link",
                    )
                )
            continue
        seen.add(period.id)
        for name in FRAMEWORK:
            frame = _documents_of(tables_of_source[name], source, name, problems)
            frame.insert(0, "period", period.id)
            tables[name].append(frame)
    return {
        name: (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame())
        for name, frames in tables.items()
    }


def match_aliases(frame: pd.DataFrame, table: str, aliases: pd.DataFrame) -> pd.DataFrame:
    """`frame` (a printed table of indicator figures) with `indicator_id` and `match_basis`
    from the source's aliases (NaN where a row has no alias); `frame`'s index is kept."""
    links = aliases.loc[aliases["dataset"] == table, [*ALIAS_KEYS, "indicator_id", "match_basis"]]
    linked = frame.merge(links, on=ALIAS_KEYS, how="left", validate="many_to_one")
    return linked.set_axis(frame.index)


def _link(
    frame: pd.DataFrame,
    table: str,
    aliases: pd.DataFrame | None,
    source: Source,
    problems: list[Problem],
) -> pd.DataFrame:
    """Add `indicator_id` and `match_basis` from the source's aliases; rows without one are
    left out, each a problem."""
    path = source.curation_dir / "indicator_aliases.csv"
    if aliases is None or not (aliases["dataset"] == table).any():
        have = "has no rows for it in" if aliases is not None else "has no"
        problems.append(
            Problem(
                ERROR,
                path,
                None,
                "dataset",
                f"Source {source.id} prints indicator figures (printed/{table}.csv, "
                f"{len(frame)} rows) but {have} {path}",
                f"link each printed indicator name to its indicator there (dataset {table})",
                "link",
            )
        )
        return frame.iloc[:0].assign(indicator_id="", match_basis="")
    linked = match_aliases(frame, table, aliases)
    missing = linked["match_basis"].isna()
    files = _files(source, table)
    for position, row in linked[missing].iterrows():
        problems.append(
            row_problem(
                files,
                position,
                "indicator_name",
                f"{row['indicator_name']!r} (sasaran {row['sasaran_no']}, {row['source_table']}) "
                f"has no link to an indicator in {path}",
                f"add a row for it (dataset {table}) to {path}: its indicator_id, or none "
                "(empty, match_basis none) with the reason in parse_note",
                check="link",
            )
        )
    return linked[~missing]


PRINTING_KEYS = ["source", "printed_table", "source_table"]
"""A printed table, in which repeats are looked for."""
INDICATOR_KEYS = ["sasaran_no", "indicator_no", "name_key"]
"""One indicator of a printed table (`name_key`: its name without case, spacing or a closing
'.'). Consecutive rows of one indicator (its cells, sub-items) are one printing of it."""
REPEAT_KEYS = [*PRINTING_KEYS, *INDICATOR_KEYS, "year", "measure"]
"""What a repeat shares with the printing it repeats."""


def name_key(name: object) -> str:
    """A printed name reduced for comparing printings: case, spacing and a final '.' go.

    Examples:
        >>> name_key("Rehabilitasi  Sosial.") == name_key("rehabilitasi sosial")
        True
    """
    return " ".join(str(name).split()).rstrip(".").strip().casefold()


def repeat_of(frame: pd.DataFrame) -> pd.Series:
    """Per row, the source_line of the earlier printing it repeats, NA for a first printing.

    In print order, a run of consecutive rows of one indicator (`INDICATOR_KEYS`) is one
    printing; a row is a repeat when its indicator, year and measure (`REPEAT_KEYS`) were
    printed in an earlier run of the same table. The line named is that first row's.
    """
    if frame.empty:
        return pd.Series(pd.NA, index=frame.index, dtype="Int64")
    keyed = frame.assign(
        name_key=frame["indicator_name"].map(name_key),
        **{key: frame[key].astype(str) for key in ("sasaran_no", "indicator_no", "year")},
    ).sort_values([*PRINTING_KEYS, "source_line"], kind="stable")
    indicator = keyed[[*PRINTING_KEYS, *INDICATOR_KEYS]].apply(tuple, axis=1)
    keyed["run"] = (indicator != indicator.shift()).cumsum()
    grouped = keyed.groupby(REPEAT_KEYS, sort=False, dropna=False)
    first_run = grouped["run"].transform("first")
    first_line = grouped["source_line"].transform("first")
    repeated = first_line.where(keyed["run"] != first_run)
    return repeated.astype("Int64").reindex(frame.index)


def first_printings(values: pd.DataFrame) -> pd.DataFrame:
    """The rows of `indicator_values` that count: every first printing, no repeat."""
    return values[values["repeat_of"].isna()]


def indicator_values(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]], problems: list[Problem]
) -> pd.DataFrame:
    """Every printed figure of an indicator, linked, with its basis, year and measure."""
    frames = []
    for source_id, tables in printed.items():
        source = sources[source_id]
        period = source.origin.plan_period
        for table, basis in PERFORMANCE_BASIS.items():
            if table not in tables:
                continue
            rows = _link(tables[table], table, tables.get("indicator_aliases"), source, problems)
            rows = _documents_of(rows, source, table, problems)
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
        "repeat_of",
    ]
    table = _concat(frames)
    if table is None:
        return pd.DataFrame(columns=columns)
    for column in ("agency", "row_no"):
        table[column] = table[column].fillna("") if column in table else ""
    table["repeat_of"] = repeat_of(table)
    return table[columns]


def budget_lines(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]], problems: list[Problem]
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
            rows = _documents_of(tables[table], sources[source_id], table, problems)
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
    sources: dict[str, Source],
    printed: dict[str, dict[str, pd.DataFrame]],
    name: str,
    problems: list[Problem],
) -> pd.DataFrame:
    """A printed table of every source that holds it, each row placed in its document."""
    frames = [
        _documents_of(tables[name], sources[source_id], name, problems)
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


@dataclass(frozen=True)
class Link:
    """A column of a printed (or curated) table that names a row of the plan period's
    framework: `table.column` → `parent.key`."""

    table: str
    column: str
    parent: str
    key: str
    noun: str
    """The parent as readers name it, with its article: 'a sasaran', 'an indicator'."""
    suggestion: str


LINKS = (
    Link("tujuan", "misi_id", "misi", "misi_id", "a misi", "use a misi_id of printed/misi.csv"),
    Link(
        "sasaran", "tujuan_id", "tujuan", "tujuan_id", "a tujuan",
        "use a tujuan_id of printed/tujuan.csv",
    ),
    Link(
        "indicators", "sasaran_id", "sasaran", "sasaran_id", "a sasaran",
        "use a sasaran_id of printed/sasaran.csv",
    ),
    Link(
        "program_sasaran", "sasaran_no", "sasaran", "sasaran_no", "a sasaran",
        "use a sasaran_no of the period's printed/sasaran.csv, or leave it empty (basis none)",
    ),
    Link(
        "indicator_aliases", "indicator_id", "indicators", "indicator_id", "an indicator",
        "use an indicator_id of the period's printed/indicators.csv, or none (empty, "
        "match_basis none)",
    ),
    *(
        Link(
            table, "sasaran_no", "sasaran", "sasaran_no", "a sasaran",
            "use a sasaran_no of the period's printed/sasaran.csv",
        )
        for table in PERFORMANCE_BASIS
    ),
)  # fmt: skip
"""Every link to the framework: each row's value must be in its source's plan period's."""


def _known(tables: dict[str, pd.DataFrame], table: str, column: str) -> set[tuple[str, object]]:
    """(period, value) of `column` in canonical framework table `table`."""
    frame = tables[table]
    return set(zip(frame.get("period", []), frame.get(column, []), strict=True))


def _linked(value: object) -> bool:
    """Whether a cell links to anything (an empty cell links to nothing)."""
    return pd.notna(value) and value != ""


def _shown(value: object) -> str:
    """A value in a message: a string quoted, a number as it is written."""
    return repr(value) if isinstance(value, str) else str(value)


def _period_of(source: Source) -> str:
    return source.origin.plan_period.id if source.origin.plan_period else ""


def _link_problems(
    frame: pd.DataFrame, files: list[Path], period: str, link: Link, known: set
) -> list[Problem]:
    """A problem for each row of `frame` whose link names no row of plan period `period`'s
    framework (`known`); one for the whole file when the period has no `link.parent` at all
    (its framework is missing or failed: that is reported once, where it is)."""
    label = period or "(none declared)"
    linked = [_linked(value) for value in frame[link.column]]
    if not any(known_period == period for known_period, _ in known):
        if not any(linked):
            return []
        message = (
            f"{sum(linked)} row(s) link to plan period {label}, which has no {link.parent} "
            f"(printed/{link.parent}.csv)"
        )
        suggestion = (
            "declare the plan period in origin.yaml; a source must print its framework (misi, "
            "tujuan, sasaran, indicators)"
        )
        return [Problem(ERROR, files[0], None, link.column, message, suggestion, "link")]
    unknown = [
        is_linked and (period, value) not in known
        for is_linked, value in zip(linked, frame[link.column], strict=True)
    ]
    return [
        row_problem(
            files,
            position,
            link.column,
            f"{_shown(value)} is not {link.noun} of plan period {label}",
            link.suggestion,
            check="link",
        )
        for position, value in frame.loc[_mask(frame, unknown), link.column].items()
    ]


def link_problems(
    tables: dict[str, pd.DataFrame],
    sources: dict[str, Source],
    printed: dict[str, dict[str, pd.DataFrame]],
) -> list[Problem]:
    """Every link to the framework (`LINKS`: tujuan → misi, sasaran → tujuan, indicator →
    sasaran, program → sasaran, alias → indicator, printed indicator row → sasaran) names a
    row of the framework of its source's plan period."""
    problems = []
    for source_id, tables_of_source in printed.items():
        source, period = sources[source_id], _period_of(sources[source_id])
        for link in LINKS:
            if link.table in tables_of_source:
                known = _known(tables, link.parent, link.key)
                frame, files = tables_of_source[link.table], _files(source, link.table)
                problems += _link_problems(frame, files, period, link, known)
    return problems


def build_canonical(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]]
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Every canonical table, from the sources and their printed tables, and every problem
    found on the way (rows placed in no document, unlinked rows, broken links)."""
    problems: list[Problem] = []
    tables = {
        "documents": documents_table(sources),
        "periods": periods_table(sources),
        **framework_tables(sources, printed, problems),
        "indicator_values": indicator_values(sources, printed, problems),
        "budget_lines": budget_lines(sources, printed, problems),
        **{name: by_document(sources, printed, name, problems) for name in BY_DOCUMENT},
        "program_sasaran": program_links(printed),
        **agency_tables(sources, printed, problems),
        **note_tables(sources, printed, problems),
    }
    problems += link_problems(tables, sources, printed)
    return tables, list(dict.fromkeys(problems))


def canonical_tables(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]]
) -> dict[str, pd.DataFrame]:
    """Every canonical table, from the sources and their printed tables; DataError naming every
    broken row (file, row, column) when the rows cannot all be placed and linked."""
    tables, problems = build_canonical(sources, printed)
    errors = errors_of(problems)
    if errors:
        raise DataError(
            describe_problems("The data's rows cannot all be placed and linked:", errors)
        )
    return tables
