"""Sphinx extension: keep the built site free of third-party resources.

Jupyter Book always loads sphinx-thebe, which writes a CDN address into every page even
with launch buttons off. This drops those scripts, then fails the build if any page still
loads or names an outside resource.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from binjai_analysis.build.offline import scan_site


def _is_thebe(filename: object, attributes: dict[str, Any]) -> bool:
    return "thebe" in str(filename or "") or "THEBE_JS_URL" in str(attributes.get("body", ""))


def drop_thebe_scripts(app: Sphinx, *_: object) -> None:
    """Remove sphinx-thebe's scripts (it is enabled by Jupyter Book, unused by this site)."""
    app.registry.js_files[:] = [
        (name, attrs) for name, attrs in app.registry.js_files if not _is_thebe(name, attrs)
    ]
    scripts = getattr(app.builder, "_js_files", None)
    if scripts is not None:
        scripts[:] = [js for js in scripts if not _is_thebe(js.filename, js.attributes)]


def check_no_external_resources(app: Sphinx, exception: Exception | None) -> None:
    """Fail the build when a page would load anything from outside the site."""
    if exception is not None or app.builder.format != "html":
        return
    found = scan_site(app.outdir)
    if found:
        listing = "\n".join(f"  {page}: {', '.join(items)}" for page, items in found.items())
        raise ExtensionError(
            f"Pages load or name outside resources (the site must be offline):\n{listing}"
        )


def setup(app: Sphinx) -> dict[str, Any]:
    # Priority 900: after sphinx-thebe's own handler on the same event has added its scripts.
    app.connect("env-before-read-docs", drop_thebe_scripts, priority=900)
    app.connect("build-finished", check_no_external_resources)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
