"""Trajectories toward the end-of-period RPJMD targets: where the report year sits on the
planned path, and whether the remaining distance is realistic.

Rule (thresholds are parameters; "the year" is the report year, "the end" the plan period's
last year):

- on track: capaian of the year ≥ `on_track_pct`, or the end target is already reached;
- at risk: capaian ≥ `at_risk_pct`, or the improvement still needed per year is at most
  `effort_ratio` times the improvement the plan itself foresaw per year from the year to the
  end;
- off track: otherwise;
- in the plan period's last year, only the end target counts: on track when reached, else
  at risk or off track by the capaian thresholds;
- not assessable: no numeric realisation for the year, no numeric target for the year and the
  end, or a capaian that could not be computed (e.g. target and realisation in different units).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class TrajectoryRule:
    """Thresholds of the on track / at risk / off track classification."""

    on_track_pct: float = 100.0
    at_risk_pct: float = 90.0
    effort_ratio: float = 1.5

    def describe(self, year: int, end: int) -> str:
        return (
            f"on track: capaian {year} ≥ {self.on_track_pct:g} % or the {end} target "
            f"already reached; at risk: capaian ≥ {self.at_risk_pct:g} % or the yearly "
            f"improvement still needed ≤ {self.effort_ratio:g} × the yearly improvement planned; "
            "off track: otherwise"
        )


def planned_paths(targets: pd.DataFrame) -> pd.DataFrame:
    """RPJMD targets per indicator, one column per plan year (`target_<year>`).

    `targets` holds the canonical indicator values of basis `rpjmd` of one plan period.
    """
    targets = targets[(targets["indicator_id"] != "") & (targets["measure"] == "target")]
    first = targets.drop_duplicates(["indicator_id", "year"], keep="first")
    paths = first.pivot(index="indicator_id", columns="year", values="value")
    paths.columns = [f"target_{int(year)}" for year in paths.columns]
    return paths.reset_index()


def _classify(row: pd.Series, rule: TrajectoryRule) -> str:
    realised, target_now, target_end = row["realisasi"], row["target_now"], row["target_end"]
    if row["polarity"] not in ("higher", "lower") or pd.isna(realised):
        return "not assessable"
    if row["capaian_status"] != "ok":  # e.g. target and realisation in different units
        return "not assessable"
    if pd.isna(target_now) or pd.isna(target_end):
        return "not assessable"
    if row["needed"] <= 0 or (pd.notna(row["capaian"]) and row["capaian"] >= rule.on_track_pct):
        return "on track"
    effort = row["effort"]
    if (pd.notna(row["capaian"]) and row["capaian"] >= rule.at_risk_pct) or (
        pd.notna(effort) and effort <= rule.effort_ratio
    ):
        return "at risk"
    return "off track"


def rpjmd_trajectories(
    targets: pd.DataFrame,
    results: pd.DataFrame,
    year: int,
    end: int,
    rule: TrajectoryRule = TrajectoryRule(),
) -> pd.DataFrame:
    """Per indicator: planned path, the year's realisation on it, needed vs planned change,
    status.

    `targets` are the plan period's RPJMD targets (canonical values, basis `rpjmd`); `results`
    is `performance.indicator_results(...)` of `year`; `end` is the plan period's last year.
    The path is one column per plan year (`target_<plan year>`). `needed_per_year` and
    `planned_per_year` are improvements (sign-adjusted for polarity): positive means the
    indicator must get better. `gap_<year>` is the realisation's distance from the year's point
    on the path.
    """
    if end < year:
        raise ValueError(f"the plan period ends in {end}, before the report year {year}")
    paths = planned_paths(targets)
    columns = [
        "indicator_id",
        "name",
        "sasaran_id",
        "polarity",
        "realisasi",
        "capaian",
        "capaian_status",
    ]
    table = results[columns].merge(paths, on="indicator_id", how="inner", validate="one_to_one")
    for label, plan_year in (("target_now", year), ("target_end", end)):
        column = f"target_{plan_year}"
        table[label] = table[column] if column in table else float("nan")
    sign = table["polarity"].map({"higher": 1.0, "lower": -1.0})
    years_left = end - year
    realised = pd.to_numeric(table["realisasi"], errors="coerce")
    table["needed"] = (table["target_end"] - realised) * sign
    # In the plan period's last year nothing is left to spread over years: only "reached or
    # not" can be judged, so the yearly figures and the effort ratio stay empty.
    per_year = years_left if years_left > 0 else float("nan")
    table["needed_per_year"] = table["needed"] / per_year
    table["planned_per_year"] = (table["target_end"] - table["target_now"]) * sign / per_year
    planned = table["planned_per_year"]
    table["effort"] = (table["needed_per_year"] / planned).where(planned > 0)
    table[f"gap_{year}"] = (realised - table["target_now"]) * sign
    table["status"] = table.apply(_classify, axis=1, rule=rule)
    table = table.drop(columns=["target_now", "target_end", "needed"])
    return table.sort_values("indicator_id").reset_index(drop=True)


STATUSES = ("on track", "at risk", "off track", "not assessable")
"""Every trajectory status `rpjmd_trajectories` gives, from best to not assessable."""


def status_totals(trajectories: pd.DataFrame) -> dict[str, int]:
    """Indicators per status, every status in `STATUSES` order, statuses no indicator has
    included (0), so a page that quotes them never leaves one out."""
    counts = trajectories["status"].value_counts()
    unknown = set(counts.index) - set(STATUSES)
    if unknown:
        raise ValueError(f"unknown trajectory statuses {sorted(unknown)}; known: {STATUSES}")
    return {status: int(counts.get(status, 0)) for status in STATUSES}
