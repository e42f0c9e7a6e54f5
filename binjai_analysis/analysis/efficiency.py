"""Budget absorption against results per sasaran: mean capaian, absorption, the group each
sasaran falls in (capaian by the rating scale's band, absorption high or low) and the rank
correlation. With 14 sasaran at most, the correlation is indicative only.

This measures neither efficiency nor cost per result: absorption says how much of a budget
was spent, not what each rupiah bought. Cost per unit of output, where the report prints output
quantities with their program's cost, is `analysis.unit_cost`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from scipy import stats

from binjai_analysis.analysis.budget import used_rows
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale

CAVEAT = (
    "Korelasi ini dihitung dari paling banyak 14 sasaran, dengan pemetaan program ke sasaran "
    "yang merupakan penilaian; ia menunjukkan arah, bukan sebab-akibat, dan tidak bermakna "
    "secara statistik bila nilai p besar."
)


@dataclass(frozen=True)
class QuadrantRule:
    """The threshold that splits sasaran into high or low absorption (capaian is grouped by
    the rating scale's bands instead of a threshold of its own)."""

    absorption_pct: float = 90.0


ABSORPTION_LEVELS = {True: "serapan tinggi", False: "serapan rendah"}
"""Absorption at or above `QuadrantRule.absorption_pct`, and below it."""
INCOMPLETE = "tidak lengkap"
"""The group of a sasaran without a mean capaian or without mapped programs."""


def group_label(band: str, high_absorption: bool) -> str:
    """A sasaran's group in words: its capaian band on the rating scale and its absorption.

    Examples:
        >>> group_label("Tinggi", False)
        'Capaian Tinggi, serapan rendah'
    """
    return f"Capaian {band}, {ABSORPTION_LEVELS[high_absorption]}"


def group_labels(scale: RatingScale = DEFAULT_SCALE) -> list[str]:
    """Every possible group of `scale`, best capaian first, high absorption first."""
    return [group_label(band, high) for band in scale.labels for high in (True, False)]


def mapped_spending(rows: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """Program rows (from `budget.absorption`) with the sasaran each is mapped to."""
    counted = used_rows(rows)
    return counted.merge(
        mapping[["program", "sasaran_no", "basis"]], on="program", how="left", validate="m:1"
    )


def unmapped_programs(rows: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """Programs that count in the budget but serve no sasaran in the mapping (listed, not lost)."""
    spending = mapped_spending(rows, mapping)
    missing = spending[spending["sasaran_no"].isna()]
    return missing[["row_seq", "program", "anggaran", "realisasi", "basis"]].reset_index(drop=True)


def efficiency_by_sasaran(
    results: pd.DataFrame,
    rows: pd.DataFrame,
    mapping: pd.DataFrame,
    rule: QuadrantRule = QuadrantRule(),
    scale: RatingScale = DEFAULT_SCALE,
) -> pd.DataFrame:
    """Per sasaran: mean capaian and its band on `scale` (`capaian_band`), budget and
    absorption of its programs, `high_absorption`, and the group (`quadrant`, e.g. 'Capaian
    Tinggi, serapan rendah'; `INCOMPLETE` without one of the two figures)."""
    performance = (
        results.groupby("sasaran_no")["capaian"]
        .agg(mean_capaian="mean", indicators="count")
        .reset_index()
    )
    spending = mapped_spending(rows, mapping).dropna(subset=["sasaran_no"])
    money = (
        spending.groupby("sasaran_no")
        .agg(
            programs=("program", "size"),
            anggaran=("anggaran", "sum"),
            realisasi=("realisasi", "sum"),
        )
        .reset_index()
    )
    table = performance.merge(money, on="sasaran_no", how="outer").sort_values("sasaran_no")
    table["absorption_pct"] = table["realisasi"] / table["anggaran"] * 100.0
    table["capaian_band"] = [
        None if pd.isna(value) else scale.rate(float(value)) for value in table["mean_capaian"]
    ]
    table["high_absorption"] = [
        None if pd.isna(value) else bool(value >= rule.absorption_pct)
        for value in table["absorption_pct"]
    ]
    table["quadrant"] = [
        INCOMPLETE if pd.isna(band) or pd.isna(high) else group_label(band, bool(high))
        for band, high in zip(table["capaian_band"], table["high_absorption"], strict=True)
    ]
    table["sasaran_no"] = table["sasaran_no"].astype(int)
    return table.reset_index(drop=True)


@dataclass(frozen=True)
class RankCorrelation:
    """Spearman's rho between mean capaian and absorption across sasaran."""

    rho: float
    p_value: float
    n: int
    caveat: str = CAVEAT


def capaian_absorption_correlation(table: pd.DataFrame) -> RankCorrelation:
    """Spearman rank correlation (scipy.stats.spearmanr) over sasaran with both figures."""
    complete = table.dropna(subset=["mean_capaian", "absorption_pct"])
    if len(complete) < 3:
        return RankCorrelation(float("nan"), float("nan"), len(complete))
    result = stats.spearmanr(complete["mean_capaian"], complete["absorption_pct"])
    return RankCorrelation(float(result.statistic), float(result.pvalue), len(complete))
