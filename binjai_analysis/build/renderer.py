"""Offline charts: one site-wide Vega bundle and an Altair renderer that only calls it.

Altair's default HTML renderer loads Vega from a CDN. The site instead ships one bundle
(built by vl-convert, no network) in its static files, and each chart emits a `<div>` plus
a call to `window.vegaEmbed`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
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


def chart_html(spec: dict[str, Any], description: str = "") -> str:
    """The HTML of one chart: a container `<div>` and a call to the site's `vegaEmbed`."""
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:10]
    element_id = f"vega-chart-{next(_chart_counter)}-{digest}"
    label = escape(description, quote=True)
    return (
        f'<div id="{element_id}" class="binjai-chart" role="figure" aria-label="{label}"></div>\n'
        "<script>(function () {\n"
        f'  var el = document.getElementById("{element_id}");\n'
        "  if (!window.vegaEmbed) {\n"
        '    el.textContent = "Grafik tidak dapat dimuat (pustaka Vega tidak tersedia).";\n'
        '    console.error("vegaEmbed is not loaded");\n'
        "    return;\n"
        "  }\n"
        f"  window.vegaEmbed(el, {_script_json(spec)}, {_script_json(EMBED_OPTIONS)})\n"
        "    .then(function () {\n"
        '      var menu = el.querySelector("details > summary");\n'
        f"      var label = {_script_json(EXPORT_MENU_LABEL)};\n"
        '      if (menu) { menu.setAttribute("aria-label", label); }\n'
        "    })\n"
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
