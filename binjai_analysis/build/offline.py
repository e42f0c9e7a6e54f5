"""Find what a built HTML page would fetch from outside the site (it must fetch nothing)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

CDN_HOSTS = ("cdn.jsdelivr", "unpkg.com", "cdnjs.cloudflare", "unpkg")
_CDN_PATTERN = re.compile("|".join(re.escape(host) for host in CDN_HOSTS))
_LOADING_ATTRIBUTES = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "link": "href",
}
_EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


class _ResourceCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attribute = _LOADING_ATTRIBUTES.get(tag)
        if attribute is None:
            return
        values = dict(attrs)
        if tag == "link" and (values.get("rel") or "") in {"canonical", "alternate"}:
            return  # not loaded by the browser
        url = values.get(attribute) or ""
        if _EXTERNAL.match(url):
            self.external.append(f"<{tag} {attribute}={url}>")


def external_resources(html: str) -> list[str]:
    """Every resource `html` loads from another origin, and every mention of a CDN host.

    Examples:
        >>> external_resources('<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>')
        ['<script src=https://cdn.jsdelivr.net/npm/vega@5>', 'mentions cdn.jsdelivr']
        >>> external_resources('<script src="_static/vega.js"></script>')
        []
    """
    collector = _ResourceCollector()
    collector.feed(html)
    mentions = sorted({f"mentions {match.group(0)}" for match in _CDN_PATTERN.finditer(html)})
    return collector.external + mentions


def scan_site(html_dir: Path) -> dict[str, list[str]]:
    """External resources per page of a built site (only pages that have some)."""
    found = {}
    for page in sorted(html_dir.rglob("*.html")):
        problems = external_resources(page.read_text(encoding="utf-8"))
        if problems:
            found[str(page.relative_to(html_dir))] = problems
    return found
