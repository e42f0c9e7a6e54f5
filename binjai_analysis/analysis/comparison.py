"""A realisation year against the previous one of its plan period: what changed between them.

The previous year is `years.previous_year`: the latest earlier realisation year of the same
plan period. Both years are computed by `year.run_analysis` with the same options; capaian,
the aggregates per sasaran, absorption and the RPJMD trajectories are taken from there, never
recomputed here. Columns ending in `_previous` hold the earlier year's figures, those ending
in `_current` the year's; views put the years into the labels.

Rows present in only one of the years stay in every table, with `presence` saying so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from binjai_analysis.analysis import audit
from binjai_analysis.analysis.achievement import ordinal_rank
from binjai_analysis.analysis.budget import match_program_names
from binjai_analysis.analysis.year import Analysis, AnalysisOptions, run_analysis
from binjai_analysis.analysis.years import OPTIONAL_PARTS, Period, previous_year
from binjai_analysis.data.model import DataModel
from binjai_analysis.errors import YearWithoutDataError

BOTH, ONLY_PREVIOUS, ONLY_CURRENT = "both years", "only previous", "only current"
"""`presence` of a row: in both years, or in one of them only."""

IMPROVED, WORSENED, UNCHANGED = "membaik", "memburuk", "tetap"
NOT_COMPARABLE = "tidak dapat dibandingkan"
READINGS = (IMPROVED, UNCHANGED, WORSENED, NOT_COMPARABLE)
"""How an indicator changed, read with its polarity, best first."""

REACHED, ON_PACE, TOO_SLOW, NOT_IMPROVING = "reached", "on pace", "too slow", "not improving"
NOT_ASSESSABLE = "not assessable"
PACES = (REACHED, ON_PACE, TOO_SLOW, NOT_IMPROVING, NOT_ASSESSABLE)
"""`trajectory_pace`'s statuses, best first."""

TOLERANCE = 1e-9
SIGN = {"higher": 1.0, "lower": -1.0}

RESULT_COLUMNS = [
    "indicator_id",
    "name",
    "sasaran_id",
    "sasaran_no",
    "unit",
    "polarity",
    "target",
    "target_raw",
    "realisasi",
    "realisasi_raw",
    "capaian",
    "capaian_status",
    "met",
]
SHARED_COLUMNS = ("name", "sasaran_id", "sasaran_no", "unit", "polarity")
"""Columns that describe the indicator (the same in both years of one plan period)."""


def _presence(previous: pd.Series, current: pd.Series) -> pd.Series:
    """BOTH, ONLY_PREVIOUS or ONLY_CURRENT per row, from whether each year has the row."""
    presence = pd.Series(BOTH, index=previous.index, dtype=object)
    presence[~current] = ONLY_PREVIOUS
    presence[~previous] = ONLY_CURRENT
    return presence


def _comparable_status(status: object) -> bool:
    """A realisation can be set beside another year's unless its capaian says its size is
    not comparable (e.g. printed in another unit than its target)."""
    return isinstance(status, str) and not status.startswith("not comparable")


def _improvement(row: dict) -> float | None:
    """The change of the realisation, signed so that positive is better (ordinal: the change
    of rank on its scale); None when the two years cannot be compared."""
    if not (
        _comparable_status(row["capaian_status_previous"])
        and _comparable_status(row["capaian_status_current"])
    ):
        return None
    if row["polarity"] == "qualitative":
        before = ordinal_rank(str(row["realisasi_raw_previous"]))
        after = ordinal_rank(str(row["realisasi_raw_current"]))
        if before is None or after is None or before[0] != after[0]:
            return None
        return float(after[1] - before[1])
    before, after = row["realisasi_previous"], row["realisasi_current"]
    if row["polarity"] not in SIGN or pd.isna(before) or pd.isna(after):
        return None
    return (float(after) - float(before)) * SIGN[row["polarity"]]


def reading(improvement: float | None) -> str:
    """IMPROVED, UNCHANGED, WORSENED or NOT_COMPARABLE for a signed improvement.

    Examples:
        >>> reading(2.5), reading(-0.1), reading(0.0), reading(None)
        ('membaik', 'memburuk', 'tetap', 'tidak dapat dibandingkan')
    """
    if improvement is None or pd.isna(improvement):
        return NOT_COMPARABLE
    if abs(improvement) <= TOLERANCE:
        return UNCHANGED
    return IMPROVED if improvement > 0 else WORSENED


def indicator_change(previous: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """Each indicator of either year: realisation and capaian in both, and how it changed.

    `previous` and `current` are `performance.indicator_results(...)` of the two years (the
    `results` of `year.run_analysis`). `improvement` is the realisation's change signed by
    polarity (positive is better; for ordinal indicators the change of rank); `reading` says
    membaik, tetap, memburuk or tidak dapat dibandingkan (a year without the indicator, a
    realisation missing or not a number, a capaian whose sizes are not comparable, categories
    of different scales). `capaian_change` is the change of capaian, in percentage points.
    """
    before = previous[RESULT_COLUMNS].assign(_in=True)
    after = current[RESULT_COLUMNS].assign(_in=True)
    table = before.merge(
        after,
        on="indicator_id",
        how="outer",
        suffixes=("_previous", "_current"),
        validate="one_to_one",
    )
    for column in SHARED_COLUMNS:
        table[column] = table[f"{column}_current"].combine_first(table[f"{column}_previous"])
        table = table.drop(columns=[f"{column}_previous", f"{column}_current"])
    table["presence"] = _presence(
        table["_in_previous"].notna().astype(bool), table["_in_current"].notna().astype(bool)
    )
    table = table.drop(columns=["_in_previous", "_in_current"])
    records = table.to_dict("records")
    improvements = [_improvement(row) for row in records]
    table["improvement"] = pd.array(improvements, dtype="Float64")
    table["reading"] = [reading(value) for value in improvements]
    table["realisasi_change"] = pd.to_numeric(
        table["realisasi_current"], errors="coerce"
    ) - pd.to_numeric(table["realisasi_previous"], errors="coerce")
    table["capaian_change"] = table["capaian_current"].astype("Float64") - table[
        "capaian_previous"
    ].astype("Float64")
    for column in ("met_previous", "met_current"):
        table[column] = table[column].astype("boolean")
    first = ["indicator_id", *SHARED_COLUMNS, "presence"]
    ordered = first + [c for c in table.columns if c not in first]
    return table[ordered].sort_values("indicator_id").reset_index(drop=True)


AGGREGATE_COLUMNS = ["indicators", "usable", "mean", "median", "met", "share_met_pct"]


def aggregate_change(previous: pd.DataFrame, current: pd.DataFrame, level: str) -> pd.DataFrame:
    """The aggregates of two years side by side, per `level` (e.g. `sasaran`, `overall`).

    `previous` and `current` are `aggregates.aggregate_achievement(...)` of the two years at
    that level (`by_sasaran`, `overall` of `year.run_analysis`). Adds `mean_change` and
    `median_change` (capaian, percentage points), `share_met_change` (points) and
    `met_change` (indicators), and `presence`.
    """
    before = previous[[level, *AGGREGATE_COLUMNS]].assign(_in=True)
    after = current[[level, *AGGREGATE_COLUMNS]].assign(_in=True)
    table = before.merge(
        after, on=level, how="outer", suffixes=("_previous", "_current"), validate="one_to_one"
    )
    table["presence"] = _presence(
        table["_in_previous"].notna().astype(bool), table["_in_current"].notna().astype(bool)
    )
    table = table.drop(columns=["_in_previous", "_in_current"])
    for column in ("mean", "median", "share_met_pct", "met"):
        table[f"{column.removesuffix('_pct')}_change"] = pd.to_numeric(
            table[f"{column}_current"]
        ) - pd.to_numeric(table[f"{column}_previous"])
    return table.sort_values(level).reset_index(drop=True)


def program_totals(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per program (by normalised name) of a year's `budget.absorption(...)` rows.

    `anggaran` and `realisasi` sum the program's rows (duplicated rows are already out);
    `absorption_pct` is computed over the rows that count (`budget.used_rows`), and is empty
    when none does; `flagged_rows` counts the rows left out of it.
    """
    counted = ~rows["treatment"].str.startswith("excluded")
    grouped = rows.groupby("program_key", sort=True)
    used = rows[counted].groupby("program_key", sort=True)
    anggaran_used = used["anggaran"].sum(min_count=1)
    realisasi_used = used["realisasi"].sum(min_count=1)
    table = pd.DataFrame(
        {
            "program": grouped["program"].first(),
            "rows": grouped.size(),
            "anggaran": grouped["anggaran"].sum(min_count=1),
            "realisasi": grouped["realisasi"].sum(min_count=1),
            "flagged_rows": (~counted).groupby(rows["program_key"]).sum().astype(int),
        }
    )
    absorption = (realisasi_used / anggaran_used * 100.0).where(anggaran_used > 0)
    table["absorption_pct"] = absorption.reindex(table.index)
    return table


def program_change(
    previous: pd.DataFrame, current: pd.DataFrame, fuzzy_cutoff: float = 0.9
) -> pd.DataFrame:
    """Each program of either year: anggaran, realisasi and absorption in both, and the change.

    `previous` and `current` are the two years' `budget.absorption(...)` rows (the
    `absorption` of `year.run_analysis`). Programs are matched by normalised name, then names
    spelled differently are paired when their similarity is at least `fuzzy_cutoff`
    (`match_basis` gives the score), as the plan year's budget is. Programs found in one year
    only stay in the table (`presence`), with empty figures for the other year.
    """
    before = program_totals(previous).add_suffix("_previous")
    after = program_totals(current).add_suffix("_current")
    only_before = sorted(set(before.index) - set(after.index))
    only_after = sorted(set(after.index) - set(before.index))
    pairs = match_program_names(only_after, only_before, fuzzy_cutoff)
    before = before.rename(index={old: new for new, (old, _) in pairs.items()})
    table = before.join(after, how="outer")
    table["presence"] = _presence(
        table["program_previous"].notna(), table["program_current"].notna()
    )
    table["match_basis"] = "same name"
    for new, (_, score) in pairs.items():
        table.loc[new, "match_basis"] = f"similar name ({score:.2f})"
    table.loc[table["presence"] != BOTH, "match_basis"] = "unmatched"
    table["program"] = table["program_current"].fillna(table["program_previous"])
    table["anggaran_change"] = table["anggaran_current"] - table["anggaran_previous"]
    table["anggaran_change_pct"] = (
        table["anggaran_change"] / table["anggaran_previous"] * 100.0
    ).where(table["anggaran_previous"] > 0)
    table["absorption_change"] = table["absorption_pct_current"] - table["absorption_pct_previous"]
    table = table.rename_axis("program_key").reset_index()
    return table.sort_values(["presence", "program_key"]).reset_index(drop=True)


BUDGET_MEASURES = ("programs", "excluded", "anggaran", "realisasi", "weighted_pct", "median_pct")
"""The figures of `budget.absorption_summary` that `budget_overview` sets side by side."""


def budget_overview(previous: dict[str, float], current: dict[str, float]) -> pd.DataFrame:
    """Two years' `budget.absorption_summary(...)` side by side: one row per measure
    (`BUDGET_MEASURES`) with `previous`, `current` and `change` (rupiah, programs, or
    percentage points for the `_pct` measures)."""
    rows = [
        (name, float(previous[name]), float(current[name]), current[name] - previous[name])
        for name in BUDGET_MEASURES
    ]
    return pd.DataFrame(rows, columns=["measure", "previous", "current", "change"])


def trajectory_pace(
    previous: pd.DataFrame, current: pd.DataFrame, previous_year: int, year: int, end: int
) -> pd.DataFrame:
    """Per indicator on the RPJMD path: the improvement achieved per year between the two
    realisation years, against the improvement per year that was needed, from the previous
    year, to reach the plan period's end target.

    `previous` and `current` are the two years' `trajectory.rpjmd_trajectories(...)`;
    `needed_per_year` of the previous year is `required_per_year` here, and of the current
    year `still_needed_per_year` (empty in the period's last year). Improvements are signed
    by polarity (positive is better). `pace_ratio` is achieved / required. `pace`:

    - reached: the current realisation meets the end target;
    - on pace: the improvement per year achieved is at least the one required;
    - too slow: it improved, but less than required;
    - not improving: it stayed the same or got worse;
    - not assessable: a category indicator, a realisation missing in either year or not
      comparable with its target, or no numeric end target.
    """
    if not previous_year < year <= end:
        raise ValueError(
            f"the years must be ordered previous < year <= end, not {previous_year}, {year}, {end}"
        )
    target_end = f"target_{end}"
    after = current[
        ["indicator_id", "name", "sasaran_id", "polarity", "realisasi", "capaian_status"]
    ].assign(
        target_end=current[target_end] if target_end in current else float("nan"),
        still_needed_per_year=current["needed_per_year"],
    )
    before = previous[["indicator_id", "realisasi", "capaian_status", "needed_per_year"]]
    before = before.rename(columns={"needed_per_year": "required_per_year"})
    table = before.merge(
        after, on="indicator_id", how="outer", suffixes=("_previous", "_current")
    ).reindex(
        columns=[
            "indicator_id",
            "name",
            "sasaran_id",
            "polarity",
            "target_end",
            "realisasi_previous",
            "realisasi_current",
            "capaian_status_previous",
            "capaian_status_current",
            "required_per_year",
            "still_needed_per_year",
        ]
    )
    if table["name"].isna().any():  # an indicator on the path in the previous year only
        names = previous.set_index("indicator_id")
        for column in ("name", "sasaran_id", "polarity"):
            table[column] = table[column].fillna(table["indicator_id"].map(names[column]))
        table["target_end"] = table["target_end"].fillna(
            table["indicator_id"].map(names[target_end]) if target_end in names else float("nan")
        )
    sign = table["polarity"].map(SIGN)
    before_value = pd.to_numeric(table["realisasi_previous"], errors="coerce")
    after_value = pd.to_numeric(table["realisasi_current"], errors="coerce")
    table["achieved_per_year"] = (after_value - before_value) * sign / (year - previous_year)
    table["remaining"] = (table["target_end"] - after_value) * sign
    required = table["required_per_year"]
    table["pace_ratio"] = (table["achieved_per_year"] / required).where(required > 0)
    table["pace"] = [_pace(row) for row in table.to_dict("records")]
    return table.sort_values("indicator_id").reset_index(drop=True)


def _pace(row: dict) -> str:
    if row["polarity"] not in SIGN or pd.isna(row["target_end"]):
        return NOT_ASSESSABLE
    if not (
        _comparable_status(row["capaian_status_previous"])
        and _comparable_status(row["capaian_status_current"])
    ):
        return NOT_ASSESSABLE
    if pd.isna(row["achieved_per_year"]) or pd.isna(row["remaining"]):
        return NOT_ASSESSABLE
    if row["remaining"] <= TOLERANCE:
        return REACHED
    if row["achieved_per_year"] <= TOLERANCE:
        return NOT_IMPROVING
    if row["achieved_per_year"] >= row["required_per_year"] - TOLERANCE:
        return ON_PACE
    return TOO_SLOW


@dataclass(frozen=True)
class Comparison:
    """A realisation year against the previous realisation year of its plan period."""

    year: int
    previous_year: int
    current: Analysis
    previous: Analysis
    indicators: pd.DataFrame
    """`indicator_change` of the two years."""
    sasaran: pd.DataFrame
    """`aggregate_change` per sasaran."""
    overall: pd.DataFrame
    """`aggregate_change` over every indicator (one row)."""
    programs: pd.DataFrame
    """`program_change` of the two years' budgets."""
    budget: pd.DataFrame
    """`budget_overview` of the two years."""
    pace: pd.DataFrame
    """`trajectory_pace` toward the plan period's end target."""

    @property
    def period(self) -> Period:
        return self.current.period


def run_comparison(
    model: DataModel,
    year: int,
    options: AnalysisOptions | None = None,
    errata: pd.DataFrame | None = None,
) -> Comparison:
    """Compare realisation year `year` with the previous one (`years.previous_year`), both
    analysed with `options`; YearWithoutDataError when there is no year to compare with."""
    earlier = previous_year(model, year)
    if earlier is None:
        raise YearWithoutDataError(
            f"{year} cannot be compared with an earlier year; the data lacks "
            f"{OPTIONAL_PARTS['previous_year']}. Figures of other years are never used instead."
        )
    errata = audit.run_audit(model) if errata is None else errata
    current = run_analysis(model, year, options, errata)
    previous = run_analysis(model, earlier, options, errata)
    return Comparison(
        year=year,
        previous_year=earlier,
        current=current,
        previous=previous,
        indicators=indicator_change(previous.results, current.results),
        sasaran=aggregate_change(previous.by_sasaran, current.by_sasaran, "sasaran"),
        overall=aggregate_change(previous.overall, current.overall, "overall"),
        programs=program_change(previous.absorption, current.absorption),
        budget=budget_overview(previous.absorption_summary, current.absorption_summary),
        pace=trajectory_pace(
            previous.trajectories, current.trajectories, earlier, year, current.period.end
        ),
    )
