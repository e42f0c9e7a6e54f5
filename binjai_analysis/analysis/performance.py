"""Indicator results for a year: target, realisation, our capaian and rating beside the report's.

The base is the LKjIP's per-sasaran tables (Tabel 3.3-3.17 and their companions, basis
`lkjip_table` in the canonical indicator values), which print target, realisation, capaian and
predikat side by side. Each printed row is linked to its canonical indicator; an indicator
printed in two tables is taken from the first and the other table is named in
`also_printed_in`.
"""

from __future__ import annotations

import re

import pandas as pd

from binjai_analysis.analysis.achievement import (
    DEFAULT_MAX_RATIO,
    ORDINAL_MET,
    OrdinalMethod,
    compute_achievement,
)
from binjai_analysis.analysis.predikat import rating_changed
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale
from binjai_analysis.analysis.tidy import spread_measures
from binjai_analysis.analysis.years import Framework

RESULT_MEASURES = ("target", "realisasi", "capaian", "predikat")
ROW_KEYS = ["source_table", "sasaran_no", "indicator_no", "indicator_name", "indicator_id"]
MET_THRESHOLD = 100.0
"""An indicator 'met its target' when its capaian is at least this (percent)."""


def _table_order(table: str) -> tuple[int, int, str]:
    """Sort 'Tabel 3.9' before 'Tabel 3.9a' before 'Tabel 3.10'; other names last."""
    match = re.match(r"Tabel (\d+)\.(\d+)(\w*)$", table)
    return (int(match.group(1)), int(match.group(2)), match.group(3)) if match else (999, 0, table)


def hierarchy(framework: Framework) -> pd.DataFrame:
    """One row per indicator with its sasaran, tujuan and misi ids and names."""
    sasaran = framework.sasaran[["sasaran_id", "sasaran_no", "tujuan_id", "statement"]].rename(
        columns={"statement": "sasaran"}
    )
    tujuan = framework.tujuan[["tujuan_id", "misi_id"]]
    columns = ["indicator_id", "sasaran_id", "name", "unit", "polarity", "value_type", "agency"]
    return (
        framework.indicators[columns]
        .merge(sasaran, on="sasaran_id", how="left", validate="many_to_one")
        .merge(tujuan, on="tujuan_id", how="left", validate="many_to_one")
    )


def indicator_rows(values: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """One row per indicator printed in `values` (a year's LKjIP per-sasaran figures, see
    `years.RealisationYear.results`), before any scoring.

    Columns: the indicator and its hierarchy; `target`, `realisasi` (values) with `_raw` and
    `_line`; `reported_capaian` (value), `reported_capaian_raw`, `reported_predikat`;
    `source_table`; `also_printed_in`.
    """
    rows = values[values["measure"].isin(RESULT_MEASURES) & values["indicator_id"].ne("")]
    wide = spread_measures(rows, ROW_KEYS)
    for measure in RESULT_MEASURES:
        for suffix in ("", "_raw", "_line"):
            if f"{measure}{suffix}" not in wide:
                wide[f"{measure}{suffix}"] = pd.NA
    wide = wide.assign(order=wide["source_table"].map(_table_order)).sort_values(
        ["order", "indicator_id"], kind="stable"
    )
    tables = wide.groupby("indicator_id", sort=False)["source_table"].agg(list)
    wide = wide.drop_duplicates("indicator_id", keep="first").drop(columns="order")
    wide["also_printed_in"] = wide["indicator_id"].map(lambda i: ", ".join(tables[i][1:]))
    wide = wide.rename(
        columns={
            "capaian": "reported_capaian",
            "capaian_raw": "reported_capaian_raw",
            "capaian_line": "reported_capaian_line",
            "predikat_raw": "reported_predikat",
            "predikat_line": "reported_predikat_line",
        }
    ).drop(columns=["predikat", "indicator_name", "indicator_no", "sasaran_no"])
    merged = wide.merge(hierarchy(framework), on="indicator_id", how="left", validate="one_to_one")
    return merged.sort_values("indicator_id").reset_index(drop=True)


def score_indicators(
    rows: pd.DataFrame,
    cap: float | None = None,
    floor: float | None = None,
    max_ratio: float | None = DEFAULT_MAX_RATIO,
    scale: RatingScale = DEFAULT_SCALE,
    ordinal: OrdinalMethod = ORDINAL_MET,
) -> pd.DataFrame:
    """Add our capaian, status, rating, `met`, and the comparison with the reported figures.

    `capaian_difference` compares the formula's value before any cap or floor
    (`capaian_formula`) with the printed capaian: a bound is our choice, not a difference
    from the report.
    """
    results = compute_achievement(rows, cap=cap, floor=floor, max_ratio=max_ratio, ordinal=ordinal)
    results["rating"] = results["capaian"].map(
        lambda value: scale.rate(None if pd.isna(value) else float(value))
    )
    results["capaian_difference"] = results["capaian_formula"] - pd.to_numeric(
        results["reported_capaian"], errors="coerce"
    ).astype("Float64")
    results["predikat_changed"] = [
        rating_changed(ours, reported, scale)
        for ours, reported in zip(results["rating"], results["reported_predikat"], strict=True)
    ]
    results["met"] = results["capaian_formula"].ge(MET_THRESHOLD).fillna(False).astype(bool)
    return results


def indicator_results(
    values: pd.DataFrame,
    framework: Framework,
    cap: float | None = None,
    floor: float | None = None,
    max_ratio: float | None = DEFAULT_MAX_RATIO,
    scale: RatingScale = DEFAULT_SCALE,
    ordinal: OrdinalMethod = ORDINAL_MET,
) -> pd.DataFrame:
    """One row per indicator of a year's results: ours beside the report's.

    `indicator_rows` then `score_indicators`: adds `capaian` and `capaian_status` (ours, with
    `cap`, `floor`, `max_ratio`, `ordinal`), `capaian_formula`, `rating` (on `scale`), `met`,
    `capaian_difference` (formula minus reported, points) and `predikat_changed`.
    """
    return score_indicators(
        indicator_rows(values, framework), cap, floor, max_ratio, scale, ordinal
    )
