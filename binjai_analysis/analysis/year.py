"""The whole analysis of one report year, from loaded data to every result table."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from binjai_analysis.analysis import aggregates, audit, budget, efficiency, macro, plan, trajectory
from binjai_analysis.analysis.achievement import DEFAULT_MAX_RATIO
from binjai_analysis.analysis.budget import FlaggedRows
from binjai_analysis.analysis.performance import indicator_rows, score_indicators
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale
from binjai_analysis.params import AnalysisParams


@dataclass(frozen=True)
class AnalysisOptions:
    """Every choice the analysis makes, in one place (the params of a year map onto it)."""

    cap: float | None = None
    floor: float | None = 0.0
    """Capaian below 0 % (a lower-is-better realisation above twice its target) reads as 0 %."""
    max_ratio: float | None = DEFAULT_MAX_RATIO
    scale: RatingScale = DEFAULT_SCALE
    flagged_budget_rows: FlaggedRows = "exclude"
    trajectory_rule: trajectory.TrajectoryRule = field(default_factory=trajectory.TrajectoryRule)
    quadrant_rule: efficiency.QuadrantRule = field(default_factory=efficiency.QuadrantRule)


def options_from_params(params: AnalysisParams) -> AnalysisOptions:
    """The analysis options a params file asks for."""
    return AnalysisOptions(
        cap=params.capaian_cap,
        floor=params.capaian_floor,
        max_ratio=params.max_ratio,
        scale=params.scale(),
        flagged_budget_rows=params.flagged_budget_rows,
        trajectory_rule=trajectory.TrajectoryRule(
            params.on_track_pct, params.at_risk_pct, params.effort_ratio
        ),
        quadrant_rule=efficiency.QuadrantRule(
            params.quadrant_capaian_pct, params.quadrant_absorption_pct
        ),
    )


@dataclass(frozen=True)
class Analysis:
    """Every result table of one year."""

    options: AnalysisOptions
    results: pd.DataFrame
    by_sasaran: pd.DataFrame
    by_tujuan: pd.DataFrame
    by_misi: pd.DataFrame
    overall: pd.DataFrame
    average_variants: pd.DataFrame
    trajectories: pd.DataFrame
    macro: pd.DataFrame
    growth_trend: macro.Trend
    absorption: pd.DataFrame
    absorption_summary: dict[str, float]
    pareto: pd.DataFrame
    reconciliation: pd.DataFrame
    aggregate_outturn_pct: float
    composition_variance_pct: float
    efficiency: pd.DataFrame
    correlation: efficiency.RankCorrelation
    unmapped_programs: pd.DataFrame
    target_ambition: pd.DataFrame
    budget_change: pd.DataFrame
    errata: pd.DataFrame


def run_analysis(
    data: dict[str, pd.DataFrame], mapping: pd.DataFrame, options: AnalysisOptions | None = None
) -> Analysis:
    """Compute every result table from the loaded datasets and the program-sasaran mapping."""
    options = options or AnalysisOptions()
    indicators = indicator_rows(data)
    results = score_indicators(
        indicators,
        cap=options.cap,
        floor=options.floor,
        max_ratio=options.max_ratio,
        scale=options.scale,
    )
    rows = budget.absorption(data["budget_2018"], flagged=options.flagged_budget_rows)
    series = data["macro_series"]
    growth = macro.macro_series_by_year(series, "pertumbuhan_ekonomi")
    by_sasaran_efficiency = efficiency.efficiency_by_sasaran(
        results, rows, mapping, options.quadrant_rule
    )
    return Analysis(
        options=options,
        results=results,
        by_sasaran=aggregates.aggregate_achievement(results, "sasaran", options.scale),
        by_tujuan=aggregates.aggregate_achievement(results, "tujuan", options.scale),
        by_misi=aggregates.aggregate_achievement(results, "misi", options.scale),
        overall=aggregates.aggregate_achievement(results, "overall", options.scale),
        average_variants=aggregates.average_variants(data, rows=indicators),
        trajectories=trajectory.rpjmd_trajectories(data, results, options.trajectory_rule),
        macro=macro.real_and_nominal(
            macro.macro_series_by_year(series, "pdrb_per_kapita_adhb"),
            macro.macro_series_by_year(series, "pdrb_per_kapita_adhk"),
        ),
        growth_trend=macro.ols_trend(growth.index.to_series(), growth),
        absorption=rows,
        absorption_summary=budget.absorption_summary(rows),
        pareto=budget.pareto(rows),
        reconciliation=budget.reconcile_totals(data["budget_2018"], data["budget_totals"]),
        aggregate_outturn_pct=budget.aggregate_outturn(rows),
        composition_variance_pct=budget.composition_variance(rows),
        efficiency=by_sasaran_efficiency,
        correlation=efficiency.capaian_absorption_correlation(by_sasaran_efficiency),
        unmapped_programs=efficiency.unmapped_programs(rows, mapping),
        target_ambition=plan.target_ambition(data, results),
        budget_change=plan.budget_change(data),
        errata=audit.run_audit(data),
    )
