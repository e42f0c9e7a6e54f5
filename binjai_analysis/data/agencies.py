"""The agencies (perangkat daerah) of each source, and who answers for each indicator.

The indicator list prints a responsible agency per indicator as free text: typos ('Dinas
Pendidkan'), short names ('BKD'), several agencies in one cell ('BAPPEDA, BPS'). Each source
curates the agencies it names (`curation/agencies.csv`, at the line that names each) and how
each printed text reads (`curation/indicator_agencies.csv`). This module joins them into the
canonical `agencies` and `indicator_agencies` tables, and reports a printed text no curation
reads, or a reading that names no curated agency, at its file, row and column.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.data.printed import table_files
from binjai_analysis.data.problems import ERROR, WARNING, Problem, row_problem
from binjai_analysis.data.sources import Source

AGENCY_COLUMNS = ["source", "agency_id", "name", "kind", "source_table", "source_line", "raw"]
LINK_COLUMNS = ["source", "indicator_id", "agency_id", "printed", "basis", "note"]


def _printed_agency(indicators: pd.DataFrame) -> pd.Series:
    return indicators["agency"].fillna("").astype(str)


def source_agency_problems(source: Source, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """What keeps one source's indicators from their agencies: a printed agency text that
    `indicator_agencies.csv` does not read, a reading naming an agency `agencies.csv` lacks,
    or (a warning) no readings at all for a source whose indicators name agencies."""
    indicators = tables.get("indicators")
    if indicators is None:
        return []
    printed = _printed_agency(indicators)
    named = printed.str.strip() != ""
    readings = tables.get("indicator_agencies")
    if readings is None:
        if not named.any():
            return []
        message = (
            f"{int(named.sum())} indicator(s) name a responsible agency, but the source has no "
            "curation/indicator_agencies.csv: the agency pages cannot list them"
        )
        suggestion = (
            "add curation/indicator_agencies.csv (printed, agency_id, basis, note) and "
            "curation/agencies.csv; see README, 'Adding a year'"
        )
        return [Problem(WARNING, table_files(source, "indicator_agencies")[0], None, None, message,
                        suggestion, "link")]  # fmt: skip
    problems = []
    known_texts = set(readings["printed"])
    for position, text in printed[named & ~printed.isin(known_texts)].items():
        problems.append(
            row_problem(
                table_files(source, "indicators"),
                position,
                "agency",
                f"agency {text!r} is read by no row of curation/indicator_agencies.csv",
                "add a row per agency it names (printed exactly as here, agency_id, basis)",
                check="link",
            )
        )
    agencies = tables.get("agencies")
    known_ids = set() if agencies is None else set(agencies["agency_id"])
    for position, agency in readings.loc[
        ~readings["agency_id"].isin(known_ids), "agency_id"
    ].items():
        problems.append(
            row_problem(
                table_files(source, "indicator_agencies"),
                position,
                "agency_id",
                f"agency_id {agency!r} is not in curation/agencies.csv",
                "use an agency_id of curation/agencies.csv, or add the agency there with the "
                "line that names it",
                check="link",
                severity=ERROR,
            )
        )
    return problems


def agency_tables(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]], problems: list[Problem]
) -> dict[str, pd.DataFrame]:
    """The canonical `agencies` (one row per source and agency) and `indicator_agencies` (one
    row per indicator and agency it names, with the printed text and how it was read)."""
    agencies, links = [], []
    for source_id, tables in printed.items():
        problems += source_agency_problems(sources[source_id], tables)
        if "agencies" in tables:
            agencies.append(tables["agencies"].assign(source=source_id)[AGENCY_COLUMNS])
        indicators, readings = tables.get("indicators"), tables.get("indicator_agencies")
        if indicators is None or readings is None:
            continue
        named = indicators.assign(printed=_printed_agency(indicators))[["indicator_id", "printed"]]
        joined = named.merge(readings, on="printed", how="inner", sort=False)
        links.append(joined.assign(source=source_id)[LINK_COLUMNS])
    return {
        "agencies": _stack(agencies, AGENCY_COLUMNS),
        "indicator_agencies": _stack(links, LINK_COLUMNS),
    }


def _stack(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)
