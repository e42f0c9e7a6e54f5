"""The whole analysis of one year, from the loaded data to every result table.

`run_analysis` computes a realisation year, `run_plan_analysis` a plan year; each selects its
own year's rows (`years`) and fails, naming what is missing, when they are incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from binjai_analysis.analysis import aggregates, audit, budget, efficiency, macro, plan, trajectory
from binjai_analysis.analysis.achievement import DEFAULT_MAX_RATIO, ORDINAL_MET, OrdinalMethod
from binjai_analysis.analysis.budget import FlaggedRows
from binjai_analysis.analysis.performance import indicator_rows, score_indicators
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale
from binjai_analysis.analysis.years import (
    Document,
    Period,
    PlanYear,
    RealisationYear,
    plan_year,
    realisation_year,
)
from binjai_analysis.data.model import DataModel
from binjai_analysis.params import AnalysisParams


@dataclass(frozen=True)
class AnalysisOptions:
    """Every choice the analysis makes, in one place (the params of a year map onto it)."""

    cap: float | None = aggregates.HEADLINE_CAP
    """Capaian above 120 % reads as 120 % (see `aggregates.HEADLINE_CAP`)."""
    floor: float | None = aggregates.HEADLINE_FLOOR
    """Capaian below 0 % (a lower-is-better realisation above twice its target) reads as 0 %."""
    max_ratio: float | None = DEFAULT_MAX_RATIO
    ordinal: OrdinalMethod = ORDINAL_MET
    """Ordinal indicators (BPK opinion, AKIP grade): met or not met (100 or 0 %), or 'rank'."""
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
        ordinal=params.ordinal_capaian,
        scale=params.scale(),
        flagged_budget_rows=params.flagged_budget_rows,
        trajectory_rule=trajectory.TrajectoryRule(
            params.on_track_pct, params.at_risk_pct, params.effort_ratio
        ),
        quadrant_rule=efficiency.QuadrantRule(params.quadrant_absorption_pct),
    )


@dataclass(frozen=True)
class Analysis:
    """Every result table of one realisation year."""

    year: int
    data: RealisationYear
    """The year's rows of the canonical tables (and its document and plan period)."""
    options: AnalysisOptions
    results: pd.DataFrame
    by_sasaran: pd.DataFrame
    by_tujuan: pd.DataFrame
    by_misi: pd.DataFrame
    overall: pd.DataFrame
    reported_average: aggregates.ReportedAverage | None
    average_variants: pd.DataFrame
    average: aggregates.AverageComparison | None
    """The report's stated average against ours; None when the report states none."""
    trajectories: pd.DataFrame
    macro: pd.DataFrame | None
    """Nominal and real growth; None when the year's report prints no macro series."""
    growth_trend: macro.Trend | None
    absorption: pd.DataFrame
    absorption_summary: dict[str, float]
    pareto: pd.DataFrame
    reconciliation: pd.DataFrame
    aggregate_outturn_pct: float
    """PEFA PI-1 style, over every row counted once (flagged rows as printed)."""
    composition_variance_pct: float
    """PEFA PI-2.1 style, over `pefa_heads`."""
    pefa_heads: pd.DataFrame
    """The budget heads of PI-2.1: the largest programs up to 75 % of the budget, and the rest."""
    efficiency: pd.DataFrame
    correlation: efficiency.RankCorrelation
    unmapped_programs: pd.DataFrame
    errata: pd.DataFrame
    """The audit's errata of the source that holds the year's report."""

    @property
    def document(self) -> Document:
        return self.data.document

    @property
    def period(self) -> Period:
        return self.data.framework.period


MIN_TREND_YEARS = 3
"""A trend with an interval needs at least this many years of a series."""


def macro_tables(series: pd.DataFrame) -> tuple[pd.DataFrame | None, macro.Trend | None]:
    """Nominal against real growth and the growth trend of a report's macro series (Tabel
    1.2), or (None, None) when it prints too little of them."""
    needed = ("pertumbuhan_ekonomi", "pdrb_per_kapita_adhb", "pdrb_per_kapita_adhk")
    if series.empty or not set(needed) <= set(series["indicator_id"]):
        return None, None
    growth = macro.macro_series_by_year(series, "pertumbuhan_ekonomi")
    nominal = macro.real_and_nominal(
        macro.macro_series_by_year(series, "pdrb_per_kapita_adhb"),
        macro.macro_series_by_year(series, "pdrb_per_kapita_adhk"),
    )
    trend = (
        macro.ols_trend(growth.index.to_series(), growth)
        if len(growth) >= MIN_TREND_YEARS
        else None
    )
    return nominal, trend


def run_analysis(
    model: DataModel,
    year: int,
    options: AnalysisOptions | None = None,
    errata: pd.DataFrame | None = None,
) -> Analysis:
    """Compute every result table of realisation year `year` from its own rows only.

    Fails with YearWithoutDataError, naming what is missing, when the year has no complete
    data. `errata` (the audit's table) saves rerunning the audit when the caller has it.
    """
    options = options or AnalysisOptions()
    data = realisation_year(model, year)
    framework = data.framework
    indicators = indicator_rows(data.results, framework)
    results = score_indicators(
        indicators,
        cap=options.cap,
        floor=options.floor,
        max_ratio=options.max_ratio,
        scale=options.scale,
        ordinal=options.ordinal,
    )
    rows = budget.absorption(data.budget, flagged=options.flagged_budget_rows)
    by_sasaran_efficiency = efficiency.efficiency_by_sasaran(
        results, rows, data.program_sasaran, options.quadrant_rule, options.scale
    )
    heads = budget.pefa_heads(rows)
    nominal, growth_trend = macro_tables(data.macro_series)
    reported = aggregates.reported_average(data.reported_summary)
    variants = aggregates.average_variants(
        indicators,
        reported,
        used={"cap": options.cap, "floor": options.floor, "ordinal": options.ordinal},
    )
    errata = audit.run_audit(model) if errata is None else errata
    return Analysis(
        year=year,
        data=data,
        options=options,
        results=results,
        by_sasaran=aggregates.aggregate_achievement(results, "sasaran", options.scale),
        by_tujuan=aggregates.aggregate_achievement(results, "tujuan", options.scale),
        by_misi=aggregates.aggregate_achievement(results, "misi", options.scale),
        overall=aggregates.aggregate_achievement(results, "overall", options.scale),
        reported_average=reported,
        average_variants=variants,
        average=aggregates.compare_average(
            indicators, results, variants, reported, options.max_ratio
        ),
        trajectories=trajectory.rpjmd_trajectories(
            data.rpjmd_targets, results, year, framework.period.end, options.trajectory_rule
        ),
        macro=nominal,
        growth_trend=growth_trend,
        absorption=rows,
        absorption_summary=budget.absorption_summary(rows),
        pareto=budget.pareto(rows),
        reconciliation=budget.reconcile_totals(data.budget, data.budget_totals),
        aggregate_outturn_pct=budget.aggregate_outturn(rows),
        composition_variance_pct=budget.composition_variance(heads),
        pefa_heads=heads,
        efficiency=by_sasaran_efficiency,
        correlation=efficiency.capaian_absorption_correlation(by_sasaran_efficiency),
        unmapped_programs=efficiency.unmapped_programs(rows, data.program_sasaran),
        errata=errata[errata["source"] == data.document.source].reset_index(drop=True),
    )


@dataclass(frozen=True)
class PlanAnalysis:
    """A plan year read against its base year (the latest realisation year before it)."""

    year: int
    data: PlanYear
    base: Analysis
    target_ambition: pd.DataFrame
    budget_change: pd.DataFrame
    totals: pd.DataFrame

    @property
    def base_year(self) -> int:
        return self.base.year

    @property
    def document(self) -> Document:
        return self.data.document


def run_plan_analysis(
    model: DataModel,
    year: int,
    options: AnalysisOptions | None = None,
    realised: list[int] | None = None,
) -> PlanAnalysis:
    """Plan year `year` against the latest earlier realisation year (among `realised`, the
    realisation years being built; default: every year with an LKjIP), with `options` for the
    base year's capaian."""
    data = plan_year(model, year, realised)
    base = run_analysis(model, data.base.year, options)  # type: ignore[union-attr]
    return PlanAnalysis(
        year=year,
        data=data,
        base=base,
        target_ambition=plan.target_ambition(data.targets, base.results),
        budget_change=plan.budget_change(base.data.budget, data.budget),
        totals=plan.plan_totals(data.budget, data.budget_totals),
    )
