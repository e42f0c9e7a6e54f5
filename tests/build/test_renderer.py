from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from binjai_analysis.build import renderer
from binjai_analysis.build.offline import external_resources


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
