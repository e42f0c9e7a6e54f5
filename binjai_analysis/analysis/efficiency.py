"""Spending against results per sasaran: capaian, absorption, cost per point, quadrants, rank
correlation. With 14 sasaran at most, the correlation is indicative only.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from scipy import stats

from binjai_analysis.analysis.budget import used_rows

CAVEAT = (
    "Korelasi ini dihitung dari paling banyak 14 sasaran, dengan pemetaan program ke sasaran "
    "yang merupakan penilaian; ia menunjukkan arah, bukan sebab-akibat, dan tidak bermakna "
    "secara statistik bila p-value besar."
)


@dataclass(frozen=True)
class QuadrantRule:
    """Thresholds that split sasaran into high or low performance and absorption."""

    capaian_pct: float = 90.0
    absorption_pct: float = 90.0


QUADRANTS = {
    (True, True): "Kinerja tinggi, serapan tinggi",
    (True, False): "Kinerja tinggi, serapan rendah",
    (False, True): "Kinerja rendah, serapan tinggi",
    (False, False): "Kinerja rendah, serapan rendah",
}


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
) -> pd.DataFrame:
    """Per sasaran: mean capaian, budget and absorption of its programs, Rp per capaian point,
    and the quadrant (high or low performance × high or low absorption)."""
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
    table["rupiah_per_capaian_point"] = (table["realisasi"] / table["mean_capaian"]).where(
        table["mean_capaian"] > 0
    )
    quadrants = []
    for capaian, absorbed in zip(table["mean_capaian"], table["absorption_pct"], strict=True):
        if pd.isna(capaian) or pd.isna(absorbed):
            quadrants.append("tidak lengkap")
        else:
            key = (capaian >= rule.capaian_pct, absorbed >= rule.absorption_pct)
            quadrants.append(QUADRANTS[key])
    table["quadrant"] = quadrants
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
