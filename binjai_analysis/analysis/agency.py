"""Results by agency (perangkat daerah): the indicators each agency answers for, with their
recomputed capaian and predikat per analysed year, and the share of them that met the target.

SAKIP evaluates each agency on its own indicators. The indicator list names the responsible
agency (`indicator_agencies`, curated from the printed text); an indicator named jointly
counts for each agency it names, and is marked joint. Nothing here picks a year: the years
are those of the analyses passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from binjai_analysis.analysis.indicator_profile import by_year, framework_rows
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.data.model import DataModel

INDICATOR_COLUMNS = [
    "indicator_id",
    "name",
    "sasaran_id",
    "printed",
    "basis",
    "joint_with",
]
RESULT_COLUMNS = ["year", "indicator_id", "capaian", "capaian_formula", "rating", "met"]
SUMMARY_COLUMNS = ["year", "indicators", "measured", "met", "share_met"]


@dataclass(frozen=True)
class AgencyProfile:
    """One agency: its curated row, its indicators, their results per year and a summary."""

    agency: dict[str, object]
    indicators: pd.DataFrame
    """`INDICATOR_COLUMNS`, in framework order; `joint_with` names the other agencies."""
    results: pd.DataFrame
    """`RESULT_COLUMNS`: per analysed year and indicator, the recomputed figures."""
    summary: pd.DataFrame
    """`SUMMARY_COLUMNS`: per analysed year, how many indicators were measured and met."""

    @property
    def agency_id(self) -> str:
        return str(self.agency["agency_id"])


def agency_summary(results: pd.DataFrame, indicators: int) -> pd.DataFrame:
    """Per year: the agency's indicators, those with a recomputed capaian, those that met the
    target, and the share met among those measured (None when none was measured)."""
    rows = []
    for year, of_year in results.groupby("year", sort=True):
        measured = of_year[of_year["capaian"].notna()]
        met = int(measured["met"].astype(bool).sum())
        share = met / len(measured) * 100 if len(measured) else None
        rows.append((int(year), indicators, len(measured), met, share))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def _joint(links: pd.DataFrame, names: Mapping[str, str]) -> pd.Series:
    """Per link row, the names of the other agencies the same indicator names."""
    others = links.groupby("indicator_id")["agency_id"].agg(list).to_dict()
    return pd.Series(
        [
            ", ".join(names.get(a, a) for a in others[code] if a != agency)
            for code, agency in zip(links["indicator_id"], links["agency_id"], strict=True)
        ],
        index=links.index,
        dtype="str",
    )


def agency_profiles(model: DataModel, analyses: Mapping[int, Analysis]) -> dict[str, AgencyProfile]:
    """A profile per curated agency (every agency of `agencies`, by id, in the order the
    sources list them), with results for every year of `analyses`."""
    agencies = model["agencies"].drop_duplicates("agency_id", keep="last")
    names = dict(zip(agencies["agency_id"], agencies["name"], strict=True))
    order = framework_rows(model)[["indicator_id", "name", "sasaran_id"]]
    links = model["indicator_agencies"].drop_duplicates(["indicator_id", "agency_id"])
    links = links.assign(joint_with=_joint(links, names))
    indicators = order.merge(links, on="indicator_id", how="inner", sort=False)
    results = by_year(analyses, "results").reindex(columns=RESULT_COLUMNS)
    profiles = {}
    for row in agencies.to_dict("records"):
        own = indicators[indicators["agency_id"] == row["agency_id"]][INDICATOR_COLUMNS]
        own = own.reset_index(drop=True)
        found = results[results["indicator_id"].isin(own["indicator_id"])]
        found = found.reset_index(drop=True)
        profiles[str(row["agency_id"])] = AgencyProfile(
            agency=row,
            indicators=own,
            results=found,
            summary=agency_summary(found, len(own)),
        )
    return profiles


def agency_table(profile: AgencyProfile) -> pd.DataFrame:
    """The data of an agency's page as one table (its CSV download): each indicator with how
    its printed agency text was read, and its recomputed figures per analysed year (one row
    per indicator and year; an indicator with no analysed year keeps one row)."""
    rows = profile.indicators.assign(agency_id=profile.agency_id)
    table = rows.merge(profile.results, on="indicator_id", how="left", sort=False)
    return table[["agency_id", *INDICATOR_COLUMNS, *RESULT_COLUMNS[:1], *RESULT_COLUMNS[2:]]]


def indicator_agencies(model: DataModel) -> dict[str, list[tuple[str, str]]]:
    """Per indicator, `(agency id, name)` of every agency its printed text names."""
    names = model["agencies"].drop_duplicates("agency_id", keep="last")
    links = model["indicator_agencies"].merge(
        names[["agency_id", "name"]], on="agency_id", how="left", sort=False
    )
    found: dict[str, list[tuple[str, str]]] = {}
    for row in links.drop_duplicates(["indicator_id", "agency_id"]).itertuples(index=False):
        found.setdefault(str(row.indicator_id), []).append((str(row.agency_id), str(row.name)))
    return found
