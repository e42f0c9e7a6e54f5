"""The chart of one indicator's page: its plan targets by year, its agreement targets and its
realisations, each point a printed figure (issue 14)."""

from __future__ import annotations

import json
from functools import cache

import altair as alt
import pandas as pd

from binjai_analysis.charts import CHART_WIDTH, OKABE_ITO, titled

SERIES_LABELS = {
    ("rpjmd", "target"): "Target RPJMD",
    ("pk", "target"): "Target Perjanjian Kinerja",
    ("lkjip_table", "realisasi"): "Realisasi, tabel capaian LKjIP",
    ("lkjip_summary", "realisasi"): "Realisasi, ringkasan LKjIP",
}
"""The printed figures the chart draws (`indicator_values` basis and measure), in legend order;
the report's restated targets are left out, as they repeat the agreement's."""
SERIES_COLOURS = [OKABE_ITO[0], OKABE_ITO[4], OKABE_ITO[5], OKABE_ITO[1]]
SERIES_SHAPES = ["circle", "square", "diamond", "triangle-up"]
HEIGHT = 220
DATA_NAME = "series"
TITLE_SLOT, UNIT_SLOT = "@@title@@", "@@unit@@"
"""Placeholders the validated spec holds where the chart's title and unit go."""


def series_chart_data(series: pd.DataFrame) -> pd.DataFrame:
    """One row per drawn figure: year (text, for an ordinal axis), series label, value, the
    printed string and its line. Figures without a year or a number are not drawn."""
    keys = list(zip(series["basis"], series["measure"], strict=True))
    labels = pd.Series([SERIES_LABELS.get(key) for key in keys], index=series.index)
    drawn = series[labels.notna() & series["year"].notna() & series["value"].notna()]
    return pd.DataFrame(
        {
            "tahun": drawn["year"].astype(int).astype(str),
            "seri": labels[drawn.index],
            "nilai": drawn["value"].astype(float),
            "tercetak": drawn["raw"].astype(str),
            "baris": drawn["source_line"].astype(int),
        }
    ).reset_index(drop=True)


def _series_chart(title: str, unit: str, domain: list[str]) -> alt.LayerChart:
    """The chart over the named dataset `DATA_NAME`: the RPJMD path as a line, every figure
    as a point, one colour and shape per series of `domain`."""
    styles = zip(SERIES_LABELS.values(), SERIES_COLOURS, SERIES_SHAPES, strict=True)
    kept = [(colour, shape) for label, colour, shape in styles if label in domain]
    colours, shapes = [c for c, _ in kept], [s for _, s in kept]
    base = alt.Chart(alt.NamedData(DATA_NAME)).encode(
        # Every layer says in its tooltip which series a mark is: colour is never alone.
        tooltip=[
            alt.Tooltip("seri:N", title="Seri"),
            alt.Tooltip("tahun:O", title="Tahun"),
            alt.Tooltip("tercetak:N", title="Tercetak"),
            alt.Tooltip("baris:Q", title="Baris sumber", format="d"),
        ],
        x=alt.X("tahun:O", title="Tahun", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("nilai:Q", title=unit or "Nilai", scale=alt.Scale(zero=False)),
        color=alt.Color(
            "seri:N",
            title=None,
            scale=alt.Scale(domain=domain, range=colours),
            legend=alt.Legend(orient="bottom", columns=2, labelLimit=260),
        ),
    )
    path = base.transform_filter(alt.datum.seri == SERIES_LABELS[("rpjmd", "target")]).mark_line()
    points = base.mark_point(filled=True, size=70, opacity=0.9).encode(
        shape=alt.Shape("seri:N", scale=alt.Scale(domain=domain, range=shapes)),
    )
    return alt.layer(path, points).properties(
        width=CHART_WIDTH - 140,
        height=HEIGHT,
        title=titled(title, "Setiap titik adalah angka tercetak; garis: jalur RPJMD"),
        description=f"{title}: target dan realisasi per tahun",
    )


@cache
def _validated_spec(domain: tuple[str, ...]) -> str:
    return json.dumps(_series_chart(TITLE_SLOT, UNIT_SLOT, list(domain)).to_dict(), sort_keys=True)


def series_chart_spec(data: pd.DataFrame, title: str, unit: str) -> dict:
    """The Vega-Lite spec of one indicator's chart (`series_chart_data`'s rows).

    Altair validates a chart against the Vega-Lite schema, a tenth of a second each: for 140
    pages the spec is validated once per set of series present, with placeholder titles, and
    each page's titles, unit and rows are set in a copy.
    """
    domain = tuple(label for label in SERIES_LABELS.values() if label in set(data["seri"]))
    text = _validated_spec(domain)
    for slot, value in ((TITLE_SLOT, title), (UNIT_SLOT, unit or "Nilai")):
        text = text.replace(slot, json.dumps(value)[1:-1])  # escaped as inside a JSON string
    spec = json.loads(text)
    spec["datasets"] = {DATA_NAME: json.loads(data.to_json(orient="records"))}
    return spec
