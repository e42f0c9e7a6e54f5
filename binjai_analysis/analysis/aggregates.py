"""Capaian aggregated per sasaran, tujuan, misi and overall; the report's own average."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from binjai_analysis.analysis.performance import MET_THRESHOLD, score_indicators
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
    frame = results.assign(overall="semua indikator") if key is None else results
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


HEADLINE_CAP = 120.0
"""The site's default upper bound of capaian (%): over-achievement counts, but at most a fifth
above target, so one indicator with a low target cannot outweigh failures elsewhere."""
HEADLINE_FLOOR = 0.0
"""The site's default lower bound of capaian (%): nothing achieved is the worst outcome; below
0 % is an artefact of the lower-is-better formula (a realisation above twice its target)."""
HEADLINE_BOUNDS = {"cap": HEADLINE_CAP, "floor": HEADLINE_FLOOR}


@dataclass(frozen=True)
class Variant:
    """One way of computing the average: capaian bounds and ordinal method (`options`, passed
    to `score_indicators`), which rows count, and how they are weighted."""

    label: str
    options: dict[str, Any] = field(default_factory=dict)
    exclude_qualitative: bool = False
    use_reported_capaian: bool = False
    by_sasaran: bool = False
    """Mean of the sasaran means: every sasaran weighs the same, whatever its indicator count."""
    note: str = ""
    """What the variant shows (Bahasa Indonesia)."""


DEFAULT_VARIANTS = (
    Variant(
        "Rumus yang lazim dipakai dalam LKjIP, tanpa batas (dasar)",
        note="rumus apa adanya; satu nilai ekstrem dapat menguasai rata-rata",
    ),
    Variant(
        "Capaian minimal 0 %, tanpa batas atas",
        {"floor": HEADLINE_FLOOR},
        note="kegagalan dibatasi, kelebihan tidak",
    ),
    Variant(
        "Dibatasi 0–100 %",
        {"cap": 100.0, "floor": HEADLINE_FLOOR},
        note="kelebihan capaian tidak menutup kekurangan indikator lain",
    ),
    Variant(
        "Dibatasi 0–120 %",
        HEADLINE_BOUNDS,
        note="dibatasi di kedua sisi; kelebihan dihitung sampai seperlima di atas target",
    ),
    Variant(
        "Dibatasi 0–120 %, rata-rata dari rata-rata sasaran",
        HEADLINE_BOUNDS,
        by_sasaran=True,
        note="setiap sasaran berbobot sama, berapa pun jumlah indikatornya",
    ),
    Variant(
        "Dibatasi 0–120 %, kategori menurut peringkat",
        {**HEADLINE_BOUNDS, "ordinal": "rank"},
        note="opini BPK dan nilai AKIP diberi capaian peringkat R ÷ peringkat T",
    ),
    Variant(
        "Dibatasi 0–120 %, tanpa indikator kategori",
        HEADLINE_BOUNDS,
        exclude_qualitative=True,
        note="hanya indikator angka",
    ),
    Variant(
        "Capaian seperti tercetak di laporan",
        use_reported_capaian=True,
        note="angka capaian laporan sendiri, tanpa hitung ulang",
    ),
)


def sasaran_mean(results: pd.DataFrame, column: str = "capaian") -> float:
    """The equal-weight mean of the sasaran means of `column` (sasaran without a value skipped).

    Examples:
        >>> frame = pd.DataFrame({"sasaran_id": ["S1", "S1", "S2"], "capaian": [100.0, 50.0, 0.0]})
        >>> sasaran_mean(frame), float(frame["capaian"].mean())
        (37.5, 50.0)
    """
    values = pd.to_numeric(results[column], errors="coerce").astype(float)
    return float(values.groupby(results["sasaran_id"]).mean().dropna().mean())


def variant_used(variant: Variant, options: dict[str, Any]) -> bool:
    """Whether `variant` is the site's own way of computing (a plain indicator mean with the
    build's `options`: cap, floor and ordinal method)."""
    if variant.exclude_qualitative or variant.use_reported_capaian or variant.by_sasaran:
        return False
    defaults = {"cap": None, "floor": None, "ordinal": "met"}
    return {**defaults, **variant.options} == {**defaults, **options}


@dataclass(frozen=True)
class ReportedAverage:
    """The average capaian a report states about itself, as printed."""

    value: float
    raw: str
    source_line: int
    source_table: str


def reported_average(summary: pd.DataFrame) -> ReportedAverage | None:
    """The first average capaian the report states (`reported_summary` rows of its document),
    or None when it states none."""
    if summary.empty:
        return None
    rows = summary[(summary["item"] == "average_capaian_pct") & summary["value"].notna()]
    if rows.empty:
        return None
    first = rows.sort_values("source_line").iloc[0]
    return ReportedAverage(
        float(first["value"]),
        str(first["raw"]),
        int(first["source_line"]),
        str(first["source_table"]),
    )


def average_variants(
    rows: pd.DataFrame,
    reported: ReportedAverage | None,
    variants: tuple[Variant, ...] = DEFAULT_VARIANTS,
    used: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Our average capaian under each variant, beside the report's stated average.

    `rows` is `performance.indicator_rows(...)` of the year; `used` the build's options
    (`cap`, `floor`, `ordinal`), which mark the site's own variant in `used_by_site`.
    `closer_than_base` says whether a variant moves the average toward the report's figure
    compared with the first (base) variant; without a stated average, the comparison columns
    are empty. A `by_sasaran` variant's mean and median are over the sasaran means.
    """
    stated = reported.value if reported is not None else float("nan")
    used = HEADLINE_BOUNDS if used is None else used
    table_rows = []
    for variant in variants:
        results = score_indicators(rows, **variant.options)
        if variant.exclude_qualitative:
            results = results[results["polarity"] != "qualitative"]
        column = "reported_capaian" if variant.use_reported_capaian else "capaian"
        values = pd.to_numeric(results[column], errors="coerce").astype(float)
        counted = results[values.notna()]
        values = values.dropna()
        if variant.by_sasaran:
            means = values.groupby(counted["sasaran_id"]).mean()
            mean, median = sasaran_mean(counted, column), float(means.median())
        else:
            mean, median = float(values.mean()), float(values.median())
        table_rows.append(
            {
                "variant": variant.label,
                "note": variant.note,
                "indicators": int(values.count()),
                "sasaran": int(counted["sasaran_id"].nunique()),
                "by_sasaran": variant.by_sasaran,
                "mean": mean,
                "median": median,
                "share_met_pct": float((values >= MET_THRESHOLD).mean() * 100),
                "used_by_site": variant_used(variant, used),
                "reported_average": stated,
            }
        )
    table = pd.DataFrame(table_rows)
    table["difference_from_reported"] = table["mean"] - table["reported_average"]
    base_gap = abs(table.loc[0, "difference_from_reported"])
    table["closer_than_base"] = table["difference_from_reported"].abs() < base_gap
    return table


def headline_counts(results: pd.DataFrame) -> dict[str, float]:
    """A year's headline numbers: indicators reported, with a capaian, meeting the target (and
    their share, %), the median capaian and how many printed predikat differ from ours."""
    usable = results[results["capaian"].notna()]
    return {
        "indicators": float(len(results)),
        "usable": float(len(usable)),
        "met": float(usable["met"].sum()),
        "met_share_pct": float(usable["met"].mean() * 100) if len(usable) else float("nan"),
        "median_capaian": float(usable["capaian"].median()) if len(usable) else float("nan"),
        "predikat_changed": float(results["predikat_changed"].sum()),
    }


@dataclass(frozen=True)
class AverageComparison:
    """The report's stated average capaian against ours, and what drags the unbounded one down.

    `ours` is the mean under the build's options (the site's own figures); `unbounded` the
    mean by the formulas with no cap or floor, where one extreme value can dominate.
    """

    reported: ReportedAverage
    ours: float
    unbounded: float
    lowest: float
    highest: float
    closest_variant: str
    closest_gap: float
    printed_mean: float | None
    worst_name: str
    worst_capaian: float
    mean_without_worst: float


def compare_average(
    rows: pd.DataFrame,
    results: pd.DataFrame,
    variants: pd.DataFrame,
    reported: ReportedAverage | None,
    max_ratio: float | None,
) -> AverageComparison | None:
    """Compare the report's stated average with ours, the variants and the extreme value.

    `rows` is `performance.indicator_rows(...)`, `results` the scored rows of the build,
    `variants` `average_variants(...)`. None when the report states no average.
    """
    if reported is None:
        return None
    closest = variants.loc[variants["difference_from_reported"].abs().idxmin()]
    unbounded = score_indicators(rows, max_ratio=max_ratio)
    values = unbounded["capaian"].dropna().astype(float)
    worst = unbounded.loc[values.idxmin()]
    printed = [i for i, v in enumerate(DEFAULT_VARIANTS) if v.use_reported_capaian]
    return AverageComparison(
        reported=reported,
        ours=float(results["capaian"].astype(float).mean()),
        unbounded=float(values.mean()),
        lowest=float(variants["mean"].min()),
        highest=float(variants["mean"].max()),
        closest_variant=str(closest["variant"]),
        closest_gap=float(abs(closest["difference_from_reported"])),
        printed_mean=(
            float(variants["mean"].iloc[printed[0]])
            if printed and len(variants) == len(DEFAULT_VARIANTS)
            else None
        ),
        worst_name=f"{worst['indicator_id']} {worst['name']}",
        worst_capaian=float(values.min()),
        mean_without_worst=float(values.drop(index=values.idxmin()).mean()),
    )


def indicator_funnel(framework_indicators: pd.DataFrame, results: pd.DataFrame) -> dict[str, int]:
    """How many indicators each step keeps: in the plan's framework, with a realisation in the
    year's report, with a computable capaian, and meeting the target. Pages quote these counts
    side by side, so each says what it counts and they agree from page to page."""
    usable = results["capaian"].notna()
    return {
        "framework": int(framework_indicators["indicator_id"].nunique()),
        "reported": len(results),
        "usable": int(usable.sum()),
        "met": int(results.loc[usable, "met"].sum()),
    }


def mean_capaian(results: pd.DataFrame) -> float:
    """The mean capaian of the indicators that have one, under the bounds they were scored
    with (NaN when none has one)."""
    return float(results["capaian"].astype(float).mean())


def rating_counts(results: pd.DataFrame, scale: RatingScale = DEFAULT_SCALE) -> pd.DataFrame:
    """Indicators per rating of `scale`, best first, ratings no indicator has included (0):
    columns `rating`, `order` (0 = best) and `indicators`. Indicators without a capaian have
    no rating and are not counted."""
    counts = results["rating"].value_counts()
    labels = list(scale.labels)
    return pd.DataFrame(
        {
            "rating": labels,
            "order": range(len(labels)),
            "indicators": [int(counts.get(label, 0)) for label in labels],
        }
    )


PRINTED_TOLERANCE_PCT = 0.05
"""Two percentages closer than this (percentage points) read as the same figure: the site shows
one decimal, so a smaller gap would not show."""


def differs_from_printed(
    printed: float, ours: float, tolerance: float = PRINTED_TOLERANCE_PCT
) -> bool:
    """Whether our figure differs from the report's printed one by more than `tolerance`.

    Examples:
        >>> differs_from_printed(75.21, 73.83), differs_from_printed(76.0, 76.01)
        (True, False)
    """
    return bool(abs(float(printed) - float(ours)) > tolerance)
