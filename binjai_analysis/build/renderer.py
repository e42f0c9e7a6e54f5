"""Offline charts: one site-wide Vega bundle and an Altair renderer that only calls it.

Altair's default HTML renderer loads Vega from a CDN. The site instead ships one bundle
(built by vl-convert, no network) in its static files, and each chart emits a `<div>` plus
a call to `window.vegaEmbed`.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import math
import textwrap
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert as vlc

from binjai_analysis.formatting import D3_FORMAT_LOCALE

RENDERER_NAME = "binjai_offline"
BUNDLE_FILENAME = "vega-bundle.js"

EMBED_OPTIONS: dict[str, Any] = {
    "renderer": "svg",
    # Export buttons only: "open in editor" would send readers to a third-party site.
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
    "formatLocale": D3_FORMAT_LOCALE,
    "i18n": {"PNG_ACTION": "Simpan sebagai PNG", "SVG_ACTION": "Simpan sebagai SVG"},
}
EXPORT_MENU_LABEL = "Menu grafik: simpan sebagai SVG atau PNG"

_chart_counter = itertools.count(1)

COMPACT_WIDTH = 340
"""The compact variant's whole width, labels included, until the page sets its container's
width: a 400 px wide phone gives the article about 340 px."""
MIN_COMPACT_WIDTH = 240
"""The compact variant is never drawn narrower than this (px); below it, the chart scrolls."""
COMPACT_LABEL_LIMIT = 120
"""A band axis whose labels may be wider than this (px) gets them above its bars instead."""
DEFAULT_LABEL_LIMIT = 180
"""Vega's own axis label limit (px), for an axis that does not set one."""
COMPACT_STEP = 40
"""Pixels per row in the compact variant once labels sit above bars: label plus bar."""
COMPACT_GROUP_STEP = 64
"""Pixels per row of grouped bars (several bars per label) in the compact variant."""
COMPACT_PADDING_INNER = 0.5
COMPACT_PADDING_OUTER = 0.4
COMPACT_TITLE_CHARS = 38
COMPACT_SUBTITLE_CHARS = 48
COMPACT_AXIS_TITLE_CHARS = 36
COMPACT_LEGEND_WIDTH = 300
"""Legend entries are laid out in as many columns as fit this width."""
COMPACT_LEGEND_LAYOUT = {"bottom": {"direction": "vertical", "anchor": "start", "margin": 8}}
_LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "size", "strokeDash", "opacity")


def wrap_lines(text: str | list[str], chars: int) -> str | list[str]:
    """`text` broken into lines of at most `chars` characters (whole words), as Vega takes it:
    one string for one line, a list for several."""
    parts = [text] if isinstance(text, str) else list(text)
    lines: list[str] = []
    for part in parts:
        lines.extend(textwrap.wrap(str(part), chars, break_long_words=False) or [""])
    return lines[0] if len(lines) == 1 else lines


def _units(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every unit view of a single or layered spec (layers nested in layers included)."""
    if "mark" in spec:
        yield spec
    for layer in spec.get("layer", []):
        yield from _units(layer)


def _field_values(spec: dict[str, Any], field: str) -> list[str]:
    """The distinct values of `field` in the spec's inline datasets and data (for legends)."""
    rows: list[dict[str, Any]] = []
    for dataset in spec.get("datasets", {}).values():
        rows.extend(dataset)
    for unit in [spec, *_units(spec)]:
        values = unit.get("data", {}).get("values") if isinstance(unit.get("data"), dict) else None
        rows.extend(values or [])
    return list(dict.fromkeys(str(row[field]) for row in rows if field in row))


def _legend_columns(spec: dict[str, Any], channel: dict[str, Any]) -> int:
    """How many columns of legend entries fit `COMPACT_LEGEND_WIDTH`, from their labels."""
    legend = channel.get("legend") or {}
    domain = (channel.get("scale") or {}).get("domain")
    if channel.get("type") == "quantitative":
        labels = [str(value) for value in legend.get("values", [])] or ["0000", "0000", "0000"]
    elif isinstance(domain, list):
        labels = [str(value) for value in domain]
    else:
        labels = _field_values(spec, str(channel.get("field", "")))
    if not labels:
        return 1
    entry = 30 + 6.5 * max(len(label) for label in labels)  # symbol, gap and label
    return max(1, min(len(labels), math.floor(COMPACT_LEGEND_WIDTH / entry)))


def _long_labels(channel: dict[str, Any]) -> bool:
    """Whether a drawn band axis lets its labels grow wider than `COMPACT_LABEL_LIMIT`."""
    axis = channel.get("axis", {})
    if axis is None:
        return False
    return bool(axis.get("labelLimit", DEFAULT_LABEL_LIMIT) > COMPACT_LABEL_LIMIT)


def _labels_above_bars(axis: dict[str, Any], step: float) -> dict[str, Any]:
    """A band axis whose labels are written inside the plot, left-aligned just above each bar
    (rows `step` px apart)."""
    band = step * (1 - COMPACT_PADDING_INNER)
    return {
        **axis,
        "labelAlign": "left",
        "labelBaseline": "bottom",
        "labelPadding": -2,
        "labelOffset": -(band / 2) - 2,
        "labelLimit": {"expr": "max(60, width - 4)"},
        "ticks": False,
    }


def compact_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A narrow variant of a Vega-Lite spec, for containers narrower than the chart.

    It fits the whole chart into `width` (`COMPACT_WIDTH`, set to the container's width in
    the page) and keeps its labels readable: long band-axis labels sit above their bars
    instead of taking a third of the width on the left; titles, subtitles and axis titles
    wrap; legends take as many columns as fit. Where a label is still cut, the tooltip (and
    the figure's CSV) holds it whole. The inline `datasets` are left out: the page shares
    the full spec's. Legends below the plot are stacked.
    """
    compact = copy.deepcopy({key: value for key, value in spec.items() if key != "datasets"})
    compact["width"] = COMPACT_WIDTH
    compact["autosize"] = {"type": "fit-x", "contains": "padding"}
    # Legends below the plot are stacked, not side by side (Vega's legend layout).
    config = compact.setdefault("config", {})
    config["legend"] = {**config.get("legend", {}), "layout": COMPACT_LEGEND_LAYOUT}
    title = compact.get("title")
    if isinstance(title, str):
        compact["title"] = wrap_lines(title, COMPACT_TITLE_CHARS)
    elif isinstance(title, dict):
        title["text"] = wrap_lines(title.get("text", ""), COMPACT_TITLE_CHARS)
        if "subtitle" in title:
            title["subtitle"] = wrap_lines(title["subtitle"], COMPACT_SUBTITLE_CHARS)
    units = list(_units(compact))
    long_labels = {
        unit["encoding"]["y"]["field"]
        for unit in units
        if unit.get("encoding", {}).get("y", {}).get("type") in ("nominal", "ordinal")
        and _long_labels(unit["encoding"]["y"])
    }
    # Rows of grouped bars (a y offset) are `COMPACT_GROUP_STEP` apart, the group's bars share
    # the band; single bars get `COMPACT_STEP` per row.
    grouped = any("yOffset" in unit.get("encoding", {}) for unit in units)
    step = COMPACT_GROUP_STEP if grouped else COMPACT_STEP
    for unit in units:
        encoding = unit.get("encoding", {})
        for name in ("x", "y"):
            channel = encoding.get(name)
            if isinstance(channel, dict) and isinstance(channel.get("title"), str):
                channel["title"] = wrap_lines(channel["title"], COMPACT_AXIS_TITLE_CHARS)
        y = encoding.get("y")
        if isinstance(y, dict) and y.get("field") in long_labels:
            if y.get("axis", {}) is not None:
                y["axis"] = _labels_above_bars(y.get("axis") or {}, step)
            y["scale"] = {
                **(y.get("scale") or {}),
                "paddingInner": COMPACT_PADDING_INNER,
                "paddingOuter": COMPACT_PADDING_OUTER,
            }
        for name in _LEGEND_CHANNELS:
            channel = encoding.get(name)
            if not isinstance(channel, dict) or not isinstance(channel.get("legend"), dict):
                continue
            legend = channel["legend"]
            legend["columns"] = _legend_columns(spec, channel)
            legend["labelLimit"] = min(
                legend.get("labelLimit", DEFAULT_LABEL_LIMIT), COMPACT_LEGEND_WIDTH - 30
            )
            if isinstance(channel.get("title"), str):
                channel["title"] = wrap_lines(channel["title"], COMPACT_AXIS_TITLE_CHARS)
    if long_labels and isinstance(compact.get("height"), dict):
        if grouped:
            compact["height"] = {"step": step, "for": "position"}
        else:
            compact["height"] = {"step": max(compact["height"].get("step", 0), step)}
    return compact


def vega_lite_version() -> str:
    """The Vega-Lite major.minor that Altair writes, which the bundle must match."""
    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    if major_minor not in vlc.get_vegalite_versions():
        raise RuntimeError(
            f"Altair writes Vega-Lite {major_minor}, which vl-convert "
            f"{vlc.__version__} cannot bundle ({vlc.get_vegalite_versions()}). "
            "Install matching versions of altair and vl-convert-python."
        )
    return major_minor


def bundle_stamp() -> str:
    """A first line that identifies what the bundle holds, so an up-to-date one is reused."""
    return (
        f"/* vega bundle: vega-lite {vega_lite_version()}, vega {vlc.get_vega_version()}, "
        f"vega-embed {vlc.get_vega_embed_version()}, vl-convert {vlc.__version__} */"
    )


def write_vega_bundle(directory: Path) -> Path:
    """Write the Vega + Vega-Lite + vega-embed bundle into `directory`, if not already current.

    The bundle is wrapped in a function scope so its top-level names cannot clash with the
    page's own scripts; it exposes `window.vegaEmbed`.
    """
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / BUNDLE_FILENAME
    stamp = bundle_stamp()
    if target.is_file():
        with target.open(encoding="utf-8") as handle:
            if handle.readline().rstrip("\n") == stamp:
                return target
    bundle = vlc.javascript_bundle(vl_version=vega_lite_version())
    partial = target.with_suffix(".js.partial")
    partial.write_text(f"{stamp}\n(function () {{\n{bundle}\n}})();\n", encoding="utf-8")
    partial.replace(target)
    return target


def _script_json(value: object) -> str:
    """JSON that is safe inside a `<script>` element (no `</script>` breakout)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def layout_settings() -> dict[str, Any]:
    """What the site's chart layout code (`binjaiChartLayout` in book/_static/binjai.js)
    needs from here: the embed options of a redraw, the compact variant's least width and the
    export menu's label."""
    return {
        "options": EMBED_OPTIONS,
        "minWidth": MIN_COMPACT_WIDTH,
        "menuLabel": EXPORT_MENU_LABEL,
    }


def chart_html(spec: dict[str, Any], description: str = "") -> str:
    """The HTML of one chart: a container `<div>` and a call to the site's `vegaEmbed`.

    The chart is drawn as specified; when it is wider than its container (a phone), it is
    drawn again from `compact_spec` at the container's width, and again when the window is
    resized across that width. The element's `data-binjai-layout` says which is shown, once
    the chart has settled ("full" or "compact"). That logic lives once in the site's
    binjai.js (`binjaiChartLayout`), not in every chart: a page of 13 charts weighs 23 kB
    less.
    """
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:10]
    element_id = f"vega-chart-{next(_chart_counter)}-{digest}"
    label = escape(description, quote=True)
    return (
        f'<div id="{element_id}" class="binjai-chart" role="figure" aria-label="{label}"></div>\n'
        "<script>(function () {\n"
        f'  var el = document.getElementById("{element_id}");\n'
        "  if (!window.vegaEmbed || !window.binjaiChartLayout) {\n"
        '    el.textContent = "Grafik tidak dapat dimuat (pustaka Vega tidak tersedia).";\n'
        '    console.error("vegaEmbed or binjai.js is not loaded");\n'
        "    return;\n"
        "  }\n"
        f"  var compact = {_script_json(compact_spec(spec))};\n"
        # binjai.js (loaded by every page) redraws the chart compact when it overflows.
        "  var layout = window.binjaiChartLayout(el, compact, "
        f"{_script_json(layout_settings())});\n"
        f"  window.vegaEmbed(el, {_script_json(spec)}, {_script_json(EMBED_OPTIONS)})\n"
        "    .then(layout.start)\n"
        "    .then(layout.settled)\n"
        "    .catch(function (err) {\n"
        '      el.textContent = "Grafik gagal digambar: " + err;\n'
        "      console.error(err);\n"
        "    });\n"
        "})();</script>"
    )


def offline_renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, str]:
    """Altair renderer: a mimebundle whose HTML needs only the site's Vega bundle."""
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text", "")
    description = str(spec.get("description") or title or "Grafik")
    return {
        "text/html": chart_html(spec, description),
        "text/plain": f"<Grafik: {description}>",
    }


def enable_offline_renderer() -> None:
    """Make Altair display charts through `offline_renderer` in this kernel."""
    alt.renderers.register(RENDERER_NAME, offline_renderer)
    alt.renderers.enable(RENDERER_NAME)
