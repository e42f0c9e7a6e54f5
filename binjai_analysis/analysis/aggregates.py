"""Capaian aggregated per sasaran, tujuan, misi and overall; the report's own average."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from binjai_analysis.analysis.performance import MET_THRESHOLD, indicator_rows, score_indicators
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale

LEVELS = {"sasaran": "sasaran_id", "tujuan": "tujuan_id", "misi": "misi_id", "overall": None}


def aggregate_achievement(
    results: pd.DataFrame, level: str = "overall", scale: RatingScale = DEFAULT_SCALE
) -> pd.DataFrame:
    """Statistics of capaian per `level` (sasaran, tujuan, misi or overall).

    Columns: `indicators`, `usable` (with a capaian), `no_usable_data`, `mean`, `median`,
    `met` and `share_met_pct` (capaian ≥ 100 among the usable), and one count per rating.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    key = LEVELS[level]
    frame = results.assign(overall="Kota Binjai") if key is None else results
    group = frame.groupby(key or "overall", sort=True)
    capaian = group["capaian"]
    table = pd.DataFrame(
        {
            "indicators": group.size(),
            "usable": capaian.count(),
            "mean": capaian.mean(),
            "median": capaian.median(),
            "met": group["met"].sum(),
        }
    )
    table["no_usable_data"] = table["indicators"] - table["usable"]
    table["share_met_pct"] = (table["met"] / table["usable"] * 100).where(table["usable"] > 0)
    ratings = pd.crosstab(frame[key or "overall"], frame["rating"]).reindex(
        columns=list(scale.labels), fill_value=0
    )
    rating_columns = [f"rating_{label}" for label in scale.labels]
    table = table.join(ratings.add_prefix("rating_"), how="left")
    table[rating_columns] = table[rating_columns].fillna(0).astype(int)
    return table.reset_index().rename(columns={key or "overall": level})


@dataclass(frozen=True)
class Variant:
    """One way of computing the average: capaian bounds, and which rows count."""

    label: str
    options: dict[str, Any] = field(default_factory=dict)
    exclude_qualitative: bool = False
    use_reported_capaian: bool = False


DEFAULT_VARIANTS = (
    Variant("Rumus resmi, tanpa batas (dasar)"),
    Variant("Capaian dibatasi 100 %", {"cap": 100.0}),
    Variant("Capaian dibatasi 120 %", {"cap": 120.0}),
    Variant("Capaian minimal 0 %", {"floor": 0.0}),
    Variant("Dibatasi 0-120 %", {"cap": 120.0, "floor": 0.0}),
    Variant("Tanpa indikator kualitatif", exclude_qualitative=True),
    Variant("Capaian seperti tercetak di laporan", use_reported_capaian=True),
)


def reported_average(data: dict[str, pd.DataFrame]) -> tuple[float, str, int]:
    """The average capaian the report states about itself: (value, raw, source line)."""
    summary = data["reported_summary"]
    rows = summary[(summary["item"] == "average_capaian_pct") & summary["value"].notna()]
    first = rows.sort_values("source_line").iloc[0]
    return float(first["value"]), str(first["raw"]), int(first["source_line"])


def average_variants(
    data: dict[str, pd.DataFrame],
    variants: tuple[Variant, ...] = DEFAULT_VARIANTS,
    rows: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Our average capaian under each variant, beside the report's stated average.

    `closer_than_base` says whether a variant moves the average toward the report's figure
    compared with the first (base) variant. `rows` (from `performance.indicator_rows`) saves
    reading the indicators again when the caller has them.
    """
    stated, _, _ = reported_average(data)
    base = indicator_rows(data) if rows is None else rows
    table_rows = []
    for variant in variants:
        results = score_indicators(base, **variant.options)
        if variant.exclude_qualitative:
            results = results[results["polarity"] != "qualitative"]
        values = (
            pd.to_numeric(results["reported_capaian"], errors="coerce")
            if variant.use_reported_capaian
            else results["capaian"]
        ).dropna()
        table_rows.append(
            {
                "variant": variant.label,
                "indicators": int(values.count()),
                "mean": float(values.mean()),
                "median": float(values.median()),
                "share_met_pct": float((values >= MET_THRESHOLD).mean() * 100),
                "reported_average": stated,
            }
        )
    table = pd.DataFrame(table_rows)
    table["difference_from_reported"] = table["mean"] - table["reported_average"]
    base_gap = abs(table.loc[0, "difference_from_reported"])
    table["closer_than_base"] = table["difference_from_reported"].abs() < base_gap
    return table
