"""Charts of the page "Kerangka strategis": how many indicators each sasaran has."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import OKABE_ITO, stacked_counts
from binjai_analysis.labels import POLARITY_LABELS

POLARITY_ORDER = ("higher", "lower", "qualitative")
POLARITY_COLOURS = dict(
    zip(
        (POLARITY_LABELS[p] for p in POLARITY_ORDER),
        (OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[3]),
        strict=True,
    )
)
"""Polarity labels, in order, with colour-blind-safe colours."""


def per_sasaran_chart_data(framework: pd.DataFrame) -> pd.DataFrame:
    """Indicators per sasaran and polarity (long format), in sasaran order.

    `framework` is `views.framework.framework_table(...)`: one row per indicator.
    """
    counts = framework.groupby(["sasaran_no", "polarity"]).size().rename("indikator").reset_index()
    counts["sasaran"] = counts["sasaran_no"].map(lambda n: f"Sasaran {int(n)}")
    counts["arah"] = counts["polarity"].map(POLARITY_LABELS)
    counts["urutan_arah"] = counts["polarity"].map({p: i for i, p in enumerate(POLARITY_ORDER)})
    return counts[["sasaran_no", "sasaran", "polarity", "arah", "urutan_arah", "indikator"]]


def per_sasaran_chart(framework: pd.DataFrame) -> alt.Chart:
    """Stacked horizontal bars: how many indicators each sasaran has, by polarity."""
    return stacked_counts(
        per_sasaran_chart_data(framework),
        count="indikator",
        category="arah",
        colours=POLARITY_COLOURS,
        order="urutan_arah",
        tooltip=[
            alt.Tooltip("sasaran:N", title="Sasaran"),
            alt.Tooltip("arah:N", title="Arah"),
            alt.Tooltip("indikator:Q", title="Jumlah indikator"),
        ],
        title="Jumlah indikator per sasaran",
        subtitle="Diwarnai menurut arah: makin tinggi/rendah makin baik",
        legend_title="Arah indikator",
    )
