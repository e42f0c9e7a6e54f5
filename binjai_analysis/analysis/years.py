"""A year's data, selected from the canonical tables by its values, and what a year can show.

A **realisation year** has an LKjIP document of that year with indicator targets and
realisations and the program budget with its realisation. A **plan year** has a Perjanjian
Kinerja document of that year with indicator targets and a program budget. A year whose data
is incomplete fails with a message naming what is missing; another year's figures are never
used in its place.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from binjai_analysis.data.model import DataModel
from binjai_analysis.errors import YearWithoutDataError

REALISATION, PLAN = "realisasi", "rencana"
KIND_DOCUMENT = {REALISATION: "LKjIP", PLAN: "PK"}
"""The document kind that makes a year a realisation year, or a plan year."""


@dataclass(frozen=True)
class Requirement:
    """One part of the data a kind of year needs, and how to say that it is missing."""

    name: str
    what: str
    where: str


REQUIREMENTS = {
    REALISATION: (
        Requirement(
            "document",
            "an LKjIP document of {year}",
            "a source whose origin.yaml lists a document of kind LKjIP, year {year}",
        ),
        Requirement(
            "framework",
            "a plan period (RPJMD) covering {year} with its framework",
            "the source's origin.yaml plan_period and printed/misi, tujuan, sasaran, "
            "indicators.csv in a source of that period",
        ),
        Requirement(
            "targets",
            "indicator targets for {year} in the LKjIP's per-sasaran tables",
            "printed/lkjip_results.csv (measure target, year {year})",
        ),
        Requirement(
            "realisations",
            "indicator realisations for {year} in the LKjIP's per-sasaran tables",
            "printed/lkjip_results.csv (measure realisasi, year {year})",
        ),
        Requirement(
            "budget",
            "the program budget (anggaran) of {year}",
            "printed/lkjip_budget.csv (measure anggaran)",
        ),
        Requirement(
            "budget_realisation",
            "the realisation of the program budget of {year}",
            "printed/lkjip_budget.csv (measure realisasi)",
        ),
    ),
    PLAN: (
        Requirement(
            "document",
            "a Perjanjian Kinerja (PK) document of {year}",
            "a source whose origin.yaml lists a document of kind PK, year {year}",
        ),
        Requirement(
            "framework",
            "a plan period (RPJMD) covering {year} with its framework",
            "the source's origin.yaml plan_period and its framework tables",
        ),
        Requirement(
            "plan_targets", "the PK's indicator targets for {year}", "printed/pk_targets.csv"
        ),
        Requirement("plan_budget", "the PK's program budget for {year}", "printed/pk_budget.csv"),
        Requirement(
            "base_year",
            "a realisation year before {year} to read the plan against",
            "an LKjIP of an earlier year (with its params file)",
        ),
    ),
}


@dataclass(frozen=True)
class Period:
    """A plan period (RPJMD): its id, title and first and last year."""

    id: str
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class Framework:
    """The strategic framework of one plan period."""

    period: Period
    misi: pd.DataFrame
    tujuan: pd.DataFrame
    sasaran: pd.DataFrame
    indicators: pd.DataFrame


@dataclass(frozen=True)
class Document:
    """The document a year's figures come from, and the source that holds it."""

    id: str
    kind: str
    year: int
    title: str
    source: str
    source_title: str
    region: str
    """The region the source reports on, e.g. 'Kota Binjai'."""


@dataclass(frozen=True)
class RealisationYear:
    """Everything a realisation year's LKjIP prints, selected from the canonical tables."""

    year: int
    document: Document
    framework: Framework
    results: pd.DataFrame
    """indicator_values of the LKjIP's per-sasaran tables for the year."""
    summary_table: pd.DataFrame
    """indicator_values of the LKjIP's summary table (Tabel 3.2) for the year."""
    rpjmd_targets: pd.DataFrame
    """RPJMD targets of the plan period, every year of it, as printed in the source that
    holds the period's framework."""
    budget: pd.DataFrame
    """budget_lines of the LKjIP's budget table (phases anggaran and realisasi)."""
    budget_totals: pd.DataFrame
    budget_narrative: pd.DataFrame
    reported_summary: pd.DataFrame
    rating_scale: pd.DataFrame
    macro_series: pd.DataFrame
    program_sasaran: pd.DataFrame


@dataclass(frozen=True)
class PlanYear:
    """Everything a plan year's Perjanjian Kinerja prints, and the year it is read against."""

    year: int
    document: Document
    framework: Framework
    targets: pd.DataFrame
    """indicator_values of the PK for the year (basis pk)."""
    budget: pd.DataFrame
    """budget_lines of the PK (phase plan)."""
    budget_totals: pd.DataFrame
    base: RealisationYear | None
    """The latest realisation year before this one, or None when there is none."""


def _document(model: DataModel, kind: str, year: int) -> Document | None:
    """The document of `kind` and `year`; the first source (in id order) if several hold one."""
    rows = model.documents(kind, year)
    if rows.empty:
        return None
    row = rows.iloc[0]
    return Document(
        str(row["document"]),
        kind,
        int(row["year"]),
        str(row["title"]),
        str(row["source"]),
        str(row["source_title"]),
        model.sources[str(row["source"])].origin.region.name,
    )


def framework_for(model: DataModel, year: int, source: str | None = None) -> Framework | None:
    """The framework of the plan period covering `year` (the period `source` declares, if
    given), or None when no period covering the year has one."""
    periods = model["periods"]
    if source is not None:
        declared = model.sources[source].origin.plan_period
        periods = periods[periods["period"] == (declared.id if declared else "")]
    periods = periods[(periods["start"] <= year) & (periods["end"] >= year)]
    sasaran = model["sasaran"]
    for row in periods.itertuples():
        if sasaran.empty or not (sasaran["period"] == row.period).any():
            continue
        period = Period(str(row.period), str(row.title), int(row.start), int(row.end))
        tables = {
            name: model[name][model[name]["period"] == row.period].reset_index(drop=True)
            for name in ("misi", "tujuan", "sasaran", "indicators")
        }
        return Framework(period, **tables)
    return None


def _rows(table: pd.DataFrame, **values: object) -> pd.DataFrame:
    """The rows of `table` whose columns hold `values` (an empty table when it has none)."""
    if table.empty:
        return table
    mask = pd.Series(True, index=table.index)
    for column, value in values.items():
        mask &= table[column] == value
    return table[mask].reset_index(drop=True)


def _of_document(model: DataModel, name: str, document: Document) -> pd.DataFrame:
    return _rows(model[name], source=document.source, document=document.id)


def _missing(kind: str, year: int, names: list[str]) -> YearWithoutDataError:
    needs = [r for r in REQUIREMENTS[kind] if r.name in names]
    lines = [f"{year} cannot be shown as a '{kind}' year; the data lacks:"]
    for requirement in needs:
        lines.append(
            f"  - {requirement.what.format(year=year)} "
            f"(expected in {requirement.where.format(year=year)})"
        )
    lines.append(
        "Add the missing data (see README, 'Adding a year'), or set 'kind' in the year's "
        "params file to what the data holds. Figures of other years are never used instead."
    )
    return YearWithoutDataError("\n".join(lines))


def _period_targets(model: DataModel, framework: Framework) -> pd.DataFrame:
    """The RPJMD targets of a plan period, from the source that prints its framework."""
    sources = set(framework.indicators["source"])
    values = _rows(model["indicator_values"], basis="rpjmd", period=framework.period.id)
    return values[values["source"].isin(sources)].reset_index(drop=True)


def realisation_year(model: DataModel, year: int) -> RealisationYear:
    """The realisation year `year`, or YearWithoutDataError naming what is missing."""
    document = _document(model, KIND_DOCUMENT[REALISATION], year)
    if document is None:
        raise _missing(REALISATION, year, ["document"])
    framework = framework_for(model, year, document.source)
    values = _of_document(model, "indicator_values", document)
    results = _rows(values, basis="lkjip_table", year=year)
    budget = _of_document(model, "budget_lines", document)
    missing = [
        name
        for name, present in (
            ("framework", framework is not None),
            ("targets", (results["measure"] == "target").any() if len(results) else False),
            ("realisations", (results["measure"] == "realisasi").any() if len(results) else False),
            ("budget", (budget["phase"] == "anggaran").any() if len(budget) else False),
            (
                "budget_realisation",
                ((budget["phase"] == "realisasi") & (budget["measure"] == "realisasi")).any()
                if len(budget)
                else False,
            ),
        )
        if not present
    ]
    if missing:
        raise _missing(REALISATION, year, missing)
    programs = model["program_sasaran"]
    return RealisationYear(
        year=year,
        document=document,
        framework=framework,  # type: ignore[arg-type]
        results=results,
        summary_table=_rows(values, basis="lkjip_summary", year=year),
        rpjmd_targets=_period_targets(model, framework),  # type: ignore[arg-type]
        budget=budget,
        budget_totals=_of_document(model, "budget_totals", document),
        budget_narrative=_of_document(model, "budget_narrative", document),
        reported_summary=_of_document(model, "reported_summary", document),
        rating_scale=_of_document(model, "rating_scale", document),
        macro_series=_of_document(model, "macro_series", document),
        program_sasaran=_rows(programs, source=document.source).drop(columns="source"),
    )


def realisation_years(model: DataModel) -> list[int]:
    """Years with an LKjIP document, whether or not their data is complete."""
    return sorted(set(model.documents(KIND_DOCUMENT[REALISATION])["year"].astype(int)))


def plan_years(model: DataModel) -> list[int]:
    """Years with a Perjanjian Kinerja document."""
    return sorted(set(model.documents(KIND_DOCUMENT[PLAN])["year"].astype(int)))


def base_year(model: DataModel, year: int, realised: list[int] | None = None) -> int | None:
    """The latest realisation year before `year` (among `realised`, default all), or None."""
    candidates = realisation_years(model) if realised is None else realised
    earlier = [y for y in candidates if y < year]
    return max(earlier) if earlier else None


def plan_year(model: DataModel, year: int, realised: list[int] | None = None) -> PlanYear:
    """The plan year `year`, read against the latest earlier realisation year in `realised`
    (default: every year with an LKjIP); YearWithoutDataError names what is missing."""
    document = _document(model, KIND_DOCUMENT[PLAN], year)
    if document is None:
        raise _missing(PLAN, year, ["document"])
    framework = framework_for(model, year, document.source)
    targets = _rows(_of_document(model, "indicator_values", document), basis="pk", year=year)
    budget = _rows(_of_document(model, "budget_lines", document), phase="plan")
    base = base_year(model, year, realised)
    missing = [
        name
        for name, present in (
            ("framework", framework is not None),
            ("plan_targets", len(targets) > 0),
            ("plan_budget", len(budget) > 0),
            ("base_year", base is not None),
        )
        if not present
    ]
    if missing:
        raise _missing(PLAN, year, missing)
    return PlanYear(
        year=year,
        document=document,
        framework=framework,  # type: ignore[arg-type]
        targets=targets,
        budget=budget,
        budget_totals=_of_document(model, "budget_totals", document),
        base=_base_of(model, year, base),  # type: ignore[arg-type]
    )


def _base_of(model: DataModel, year: int, base: int) -> RealisationYear:
    """The base year's data, or an error that says it is the base of plan year `year`."""
    try:
        return realisation_year(model, base)
    except YearWithoutDataError as exc:
        raise YearWithoutDataError(
            f"Plan year {year} is read against {base}, the latest earlier realisation year, "
            f"whose data is incomplete:\n{exc}"
        ) from exc


def kind_of(model: DataModel, year: int) -> str | None:
    """What the data makes of `year`: a realisation year, a plan year, or None (no document)."""
    if year in realisation_years(model):
        return REALISATION
    if year in plan_years(model):
        return PLAN
    return None


def check_year(
    model: DataModel, year: int, kind: str, realised: list[int] | None = None
) -> RealisationYear | PlanYear:
    """The year's data for `kind`, or YearWithoutDataError naming everything that is missing."""
    if kind == REALISATION:
        return realisation_year(model, year)
    return plan_year(model, year, realised)


OPTIONAL_PARTS = {
    "average": "the average capaian the report states (printed/reported_summary.csv, item "
    "average_capaian_pct)",
    "macro_series": "the macro series of Tabel 1.2 (printed/macro_series.csv: pertumbuhan_ekonomi, "
    "pdrb_per_kapita_adhb and pdrb_per_kapita_adhk)",
    "program_sasaran": "the program-to-sasaran links (curation/program_sasaran.csv)",
    "previous_year": "an earlier realisation year of the same plan period, with complete data, "
    "to compare the year with (an LKjIP of an earlier year, see 'Adding a year')",
}
"""Parts of a realisation year's data that some pages need and a report may lack; a page that
needs a part the year lacks is left out of the year (and the year's index says why)."""
MACRO_SERIES = ("pertumbuhan_ekonomi", "pdrb_per_kapita_adhb", "pdrb_per_kapita_adhk")


def previous_year(model: DataModel, year: int) -> int | None:
    """The realisation year `year` is compared with: the latest earlier realisation year, when
    it reports against the same plan period and its data is complete; otherwise None (an older
    year is never taken in its place)."""
    earlier = base_year(model, year)
    if earlier is None:
        return None
    try:
        current, before = realisation_year(model, year), realisation_year(model, earlier)
    except YearWithoutDataError:
        return None
    return earlier if before.framework.period.id == current.framework.period.id else None


def optional_parts(model: DataModel, year: int) -> set[str]:
    """Which of `OPTIONAL_PARTS` the year's data has (none for a year without an LKjIP)."""
    if year not in realisation_years(model):
        return set()
    data = realisation_year(model, year)
    parts = set()
    summary = data.reported_summary
    if (
        len(summary)
        and ((summary["item"] == "average_capaian_pct") & summary["value"].notna()).any()
    ):
        parts.add("average")
    if len(data.macro_series) and set(MACRO_SERIES) <= set(data.macro_series["indicator_id"]):
        parts.add("macro_series")
    if len(data.program_sasaran):
        parts.add("program_sasaran")
    if previous_year(model, year) is not None:
        parts.add("previous_year")
    return parts
