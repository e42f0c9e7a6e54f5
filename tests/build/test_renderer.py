from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from binjai_analysis.build import renderer
from binjai_analysis.build.offline import external_resources
from tests.conftest import REPO_ROOT


def small_chart(title: str = "Uji") -> alt.Chart:
    frame = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    return alt.Chart(frame, title=title).mark_line().encode(x="x:Q", y="y:Q")


def test_chart_html_calls_the_site_bundle_and_loads_nothing_else():
    html = renderer.offline_renderer(small_chart().to_dict())["text/html"]
    assert "window.vegaEmbed(el," in html
    assert '<div id="vega-chart-' in html
    assert external_resources(html) == []
    assert "<script src" not in html


def test_chart_spec_cannot_break_out_of_its_script():
    hostile = "</script><script>alert(1)</script>"
    html = renderer.offline_renderer(small_chart(hostile).to_dict())["text/html"]
    assert "</script><script>alert(1)" not in html
    body = html.split("<script>", 1)[1]
    assert body.count("</script>") == 1
    assert 'aria-label="&lt;/script&gt;' in html


def test_embedded_spec_is_the_chart_spec():
    spec = small_chart().to_dict()
    html = renderer.chart_html(spec)
    embedded = re.search(r"vegaEmbed\(el, (\{.*\}), \{", html).group(1)
    assert json.loads(embedded) == json.loads(json.dumps(spec))


def test_chart_ids_are_unique_within_a_kernel():
    spec = small_chart().to_dict()
    first, second = renderer.chart_html(spec), renderer.chart_html(spec)
    id_of = re.compile(r'id="([^"]+)"')
    assert id_of.search(first).group(1) != id_of.search(second).group(1)


def test_enable_makes_altair_use_the_offline_renderer():
    renderer.enable_offline_renderer()
    try:
        bundle = small_chart()._repr_mimebundle_()
        html = bundle[0]["text/html"] if isinstance(bundle, tuple) else bundle["text/html"]
        assert "window.vegaEmbed" in html
    finally:
        alt.renderers.enable("default")


def test_bundle_matches_altair_and_is_reused(tmp_path, monkeypatch):
    target = renderer.write_vega_bundle(tmp_path)
    text = target.read_text(encoding="utf-8")
    assert text.startswith(renderer.bundle_stamp())
    assert "window.vegaEmbed" in text
    assert external_resources(f"<script>{text}</script>") == []

    def must_not_rebuild(**_kwargs):
        raise AssertionError("an up-to-date bundle was rebuilt")

    monkeypatch.setattr(renderer.vlc, "javascript_bundle", must_not_rebuild)
    assert renderer.write_vega_bundle(tmp_path) == target


def test_mismatched_vega_lite_version_is_explained(monkeypatch):
    monkeypatch.setattr(renderer.alt, "SCHEMA_VERSION", "v99.1.0")
    with pytest.raises(RuntimeError, match=r"Vega-Lite 99\.1"):
        renderer.vega_lite_version()


# --- the compact variant, for containers narrower than the chart (a 400 px phone) ------------

LONG_NAMES = [
    f"S01.I{i:02d} Persentase indikator dengan nama yang sangat panjang {i}" for i in range(6)
]


def long_label_bars() -> alt.Chart:
    """Horizontal bars with long names on a wide left axis and a legend, 600 px wide."""
    frame = pd.DataFrame(
        {"nama": LONG_NAMES, "nilai": range(6), "kelompok": ["satu", "dua", "tiga"] * 2}
    )
    return (
        alt.Chart(frame, title="Judul grafik yang cukup panjang untuk dibungkus dua baris")
        .mark_bar()
        .encode(
            y=alt.Y("nama:N", title=None, axis=alt.Axis(labelLimit=300)),
            x=alt.X("nilai:Q", title="Judul sumbu yang panjang sekali (persen dari sesuatu)"),
            color=alt.Color("kelompok:N", legend=alt.Legend(orient="bottom")),
            tooltip=[alt.Tooltip("nama:N"), alt.Tooltip("nilai:Q")],
        )
        .properties(width=300, height=alt.Step(24))
    )


def drawn_width(spec: dict) -> float:
    """The width of the SVG Vega draws for `spec` (pixels)."""
    svg = renderer.vlc.vegalite_to_svg(spec)
    return float(re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg).group(1))


def test_compact_variant_fits_the_narrow_width_that_the_chart_overflows():
    spec = long_label_bars().to_dict()
    compact = renderer.compact_spec(spec)
    compact["datasets"] = spec["datasets"]
    assert drawn_width(spec) > renderer.COMPACT_WIDTH
    assert drawn_width(compact) <= renderer.COMPACT_WIDTH + 1


def test_compact_variant_writes_long_labels_above_bars_and_keeps_them_in_the_tooltip():
    compact = renderer.compact_spec(long_label_bars().to_dict())
    y = compact["encoding"]["y"]
    assert y["axis"]["labelAlign"] == "left" and y["axis"]["labelPadding"] < 0
    assert y["axis"]["labelOffset"] < 0  # above the bar's middle
    assert y["scale"]["paddingInner"] == renderer.COMPACT_PADDING_INNER
    assert compact["height"] == {"step": renderer.COMPACT_STEP}
    assert "nama" in {tip["field"] for tip in compact["encoding"]["tooltip"]}


def test_compact_variant_keeps_short_labels_on_the_axis():
    frame = pd.DataFrame({"s": ["Sasaran 1", "Sasaran 2"], "n": [1, 2]})
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(y=alt.Y("s:N", axis=alt.Axis(labelLimit=renderer.COMPACT_LABEL_LIMIT)), x="n:Q")
    )
    compact = renderer.compact_spec(chart.to_dict())
    assert "labelAlign" not in compact["encoding"]["y"]["axis"]


def test_compact_variant_wraps_titles_stacks_legends_and_shares_the_data():
    spec = long_label_bars().to_dict()
    compact = renderer.compact_spec(spec)
    assert isinstance(compact["title"], list) and len(compact["title"]) == 2
    assert all(len(line) <= renderer.COMPACT_TITLE_CHARS for line in compact["title"])
    assert isinstance(compact["encoding"]["x"]["title"], list)
    assert compact["encoding"]["color"]["legend"]["columns"] == 3  # three short names
    assert compact["config"]["legend"]["layout"] == renderer.COMPACT_LEGEND_LAYOUT
    assert compact["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert "datasets" not in compact
    assert spec == long_label_bars().to_dict()  # the full spec is left as it was


def test_grouped_bars_get_a_row_per_group_in_the_compact_variant():
    frame = pd.DataFrame(
        {"total": LONG_NAMES[:2] * 2, "ukuran": ["a", "a", "b", "b"], "rp": [1, 2, 3, 4]}
    )
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(y=alt.Y("total:N", axis=alt.Axis(labelLimit=300)), yOffset="ukuran:N", x="rp:Q")
        .properties(height=alt.Step(40))
    )
    compact = renderer.compact_spec(chart.to_dict())
    assert compact["height"] == {"step": renderer.COMPACT_GROUP_STEP, "for": "position"}


def test_wrap_lines_keeps_words_whole():
    assert renderer.wrap_lines("satu dua tiga", 9) == ["satu dua", "tiga"]
    assert renderer.wrap_lines("pendek", 20) == "pendek"
    assert renderer.wrap_lines(["satu dua", "tiga"], 4) == ["satu", "dua", "tiga"]


def test_chart_html_embeds_the_full_spec_once_and_the_compact_variant_beside_it():
    spec = long_label_bars().to_dict()
    html = renderer.chart_html(spec)
    calls = re.findall(r"window\.vegaEmbed\(el, (\{.*?\}), \{\"actions\"", html)
    assert [json.loads(call) for call in calls] == [json.loads(json.dumps(spec))]
    compact = re.search(r"var compact = (\{.*\});\n", html).group(1)
    assert json.loads(compact) == renderer.compact_spec(spec)
    settings = re.search(r"window\.binjaiChartLayout\(el, compact, (\{.*?\})\);\n", html)
    assert json.loads(settings.group(1)) == json.loads(json.dumps(renderer.layout_settings()))
    assert ".then(layout.start)" in html and ".then(layout.settled)" in html


def test_the_layout_code_lives_once_in_the_site_script():
    script = (REPO_ROOT / "book" / "_static" / "binjai.js").read_text(encoding="utf-8")
    assert "window.binjaiChartLayout = function (el, compact, settings)" in script
    assert 'setAttribute("data-binjai-layout"' in script
    assert 'addEventListener("resize"' in script
    assert "function room()" not in renderer.chart_html(long_label_bars().to_dict())
