"""Trajectories toward the RPJMD 2021 targets: where 2018 sits on the planned path, and whether
the remaining distance is realistic.

Rule (thresholds are parameters):

- on track: capaian 2018 ≥ `on_track_pct`, or the 2021 target is already reached;
- at risk: capaian 2018 ≥ `at_risk_pct`, or the improvement still needed per year is at most
  `effort_ratio` times the improvement the plan itself foresaw per year from 2018 to 2021;
- off track: otherwise;
- not assessable: no numeric realisation for 2018, no numeric 2018 and 2021 targets, or a
  capaian that could not be computed (e.g. target and realisation in different units).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from binjai_analysis.analysis.indicators import link_indicators

PLAN_START, REPORT_YEAR, PLAN_END = 2016, 2018, 2021


@dataclass(frozen=True)
class TrajectoryRule:
    """Thresholds of the on track / at risk / off track classification."""

    on_track_pct: float = 100.0
    at_risk_pct: float = 90.0
    effort_ratio: float = 1.5

    def describe(self) -> str:
        return (
            f"on track: capaian {REPORT_YEAR} ≥ {self.on_track_pct:g} % or the {PLAN_END} target "
            f"already reached; at risk: capaian ≥ {self.at_risk_pct:g} % or the yearly "
            f"improvement still needed ≤ {self.effort_ratio:g} × the yearly improvement planned; "
            "off track: otherwise"
        )


def planned_paths(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """RPJMD targets 2016-2021 per indicator (one column per year), from Tabel 2.4."""
    targets = link_indicators(data["targets_rpjmd"], "targets_rpjmd", data["indicator_aliases"])
    targets = targets[(targets["indicator_id"] != "") & (targets["measure"] == "target")]
    first = targets.drop_duplicates(["indicator_id", "year"], keep="first")
    paths = first.pivot(index="indicator_id", columns="year", values="value")
    paths.columns = [f"target_{int(year)}" for year in paths.columns]
    return paths.reset_index()


def _classify(row: pd.Series, rule: TrajectoryRule) -> str:
    realised, target_now, target_end = row["realisasi"], row["target_2018"], row["target_2021"]
    if row["polarity"] not in ("higher", "lower") or pd.isna(realised):
        return "not assessable"
    if row["capaian_status"] != "ok":  # e.g. target and realisation in different units
        return "not assessable"
    if pd.isna(target_now) or pd.isna(target_end):
        return "not assessable"
    if row["needed_per_year"] <= 0 or (
        pd.notna(row["capaian"]) and row["capaian"] >= rule.on_track_pct
    ):
        return "on track"
    effort = row["effort"]
    if (pd.notna(row["capaian"]) and row["capaian"] >= rule.at_risk_pct) or (
        pd.notna(effort) and effort <= rule.effort_ratio
    ):
        return "at risk"
    return "off track"


def rpjmd_trajectories(
    data: dict[str, pd.DataFrame], results: pd.DataFrame, rule: TrajectoryRule = TrajectoryRule()
) -> pd.DataFrame:
    """Per indicator: planned path, 2018 realisation on it, needed vs planned change, status.

    `results` is `performance.indicator_results(data)` (realisation and capaian 2018).
    `needed_per_year` and `planned_per_year` are improvements (sign-adjusted for polarity):
    positive means the indicator must get better.
    """
    paths = planned_paths(data)
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
    sign = table["polarity"].map({"higher": 1.0, "lower": -1.0})
    years_left = PLAN_END - REPORT_YEAR
    realised = pd.to_numeric(table["realisasi"], errors="coerce")
    table["needed_per_year"] = (table["target_2021"] - realised) * sign / years_left
    table["planned_per_year"] = (table["target_2021"] - table["target_2018"]) * sign / years_left
    planned = table["planned_per_year"]
    table["effort"] = (table["needed_per_year"] / planned).where(planned > 0)
    table["gap_2018"] = (realised - table["target_2018"]) * sign
    table["status"] = table.apply(_classify, axis=1, rule=rule)
    return table.sort_values("indicator_id").reset_index(drop=True)
