"""The site's public URLs, and the ids and numbers of their tables and figures, kept stable.

Bappeda cites "Tabel 5.10.1 at 2018/capaian-kinerja.html#tabel-capaian-s10". The committed
list (`book/public-urls.yml`) pins every public page, and every table and figure id on it
with its number. A build may add URLs and ids (they are written into the list, to commit);
it fails when one that is listed is gone or renumbered, unless the list's `redirects` says
where it went. For every redirected page the build writes a small page at the old URL that
sends the reader on, keeping the `#id` part.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from binjai_analysis.errors import PublicUrlError

URL_LIST_HEADER = (
    "# The site's public URLs, with the id and number of every table and figure on each page.\n"
    "# `binjai build` adds new ones: commit them. A listed URL or id may not disappear or be\n"
    "# renumbered: to move one, add `old: new` under `redirects` (a page, or `page#id`), and\n"
    "# the build writes a redirect page at the old URL (see binjai_analysis/build/urls.py).\n"
)
NOT_PUBLIC = ("_static/", "_sources/", "_downloads/", "_images/")
"""Folders of the built site that hold assets, not pages."""
NOT_CITED = frozenset({"genindex.html", "search.html"})
"""Pages Sphinx makes that nobody cites."""
ELEMENT = re.compile(
    r'<figure class="binjai-(?:table|figure)" id="(?P<id>[a-z0-9-]+)">.*?'
    r"<strong>(?P<number>(?:Tabel|Gambar) [0-9.]+?)\.</strong>",
    re.DOTALL,
)
"""A numbered table or figure as `presentation.Page` writes it: its id, then its caption."""


@dataclass
class UrlList:
    """The committed list: pages with their `{id: number}`, and where moved things went."""

    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> UrlList | None:
        """The list at `path`, or None when the project has none yet."""
        if not path.is_file():
            return None
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise PublicUrlError(f"{path}: not valid YAML ({exc}).") from exc
        if not isinstance(loaded, dict):
            raise PublicUrlError(f"{path}: expected a mapping with `pages` and `redirects`.")
        pages = {str(url): dict(ids or {}) for url, ids in (loaded.get("pages") or {}).items()}
        return cls(pages, {str(k): str(v) for k, v in (loaded.get("redirects") or {}).items()})

    def text(self) -> str:
        """The list as the committed YAML: sorted, so a build rewrites it byte for byte."""
        pages = {url: dict(sorted(self.pages[url].items())) for url in sorted(self.pages)}
        body = {"pages": pages, "redirects": dict(sorted(self.redirects.items()))}
        return URL_LIST_HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True)


def public_pages(html_dir: Path) -> list[str]:
    """The built site's public pages, as URLs relative to its root, sorted."""
    urls = []
    for page in html_dir.rglob("*.html"):
        url = page.relative_to(html_dir).as_posix()
        if url in NOT_CITED or url.startswith(NOT_PUBLIC) or is_redirect_page(page):
            continue
        urls.append(url)
    return sorted(urls)


def numbered_elements(page_html: str) -> dict[str, str]:
    """`{id: number}` of the numbered tables and figures of one page's HTML."""
    return {match["id"]: match["number"] for match in ELEMENT.finditer(page_html)}


def inventory(html_dir: Path) -> UrlList:
    """What the built site publishes: every public page with its tables' and figures' ids."""
    pages = {
        url: numbered_elements((html_dir / url).read_text(encoding="utf-8"))
        for url in public_pages(html_dir)
    }
    return UrlList(pages)


def problems(committed: UrlList, built: UrlList) -> list[str]:
    """What the committed list holds that the built site lost, unless redirected."""
    found = []
    for url, ids in sorted(committed.pages.items()):
        if url not in built.pages:
            if url not in committed.redirects:
                found.append(f"page {url} is gone and has no redirect")
            continue
        for element, number in sorted(ids.items()):
            now = built.pages[url].get(element)
            if now is None and f"{url}#{element}" not in committed.redirects:
                found.append(f"{url}#{element} ({number}) is gone and has no redirect")
            elif now is not None and now != number:
                found.append(f"{url}#{element} was {number} and is now {now}")
    for old, new in sorted(committed.redirects.items()):
        target = new.split("#", 1)[0]
        if target not in built.pages:
            found.append(f"redirect {old} -> {new}: the target page does not exist")
    return found


def merged(committed: UrlList, built: UrlList) -> UrlList:
    """The committed list with the built site's new pages and ids added."""
    pages = {url: dict(ids) for url, ids in committed.pages.items()}
    for url, ids in built.pages.items():
        pages.setdefault(url, {})
        for element, number in ids.items():
            pages[url].setdefault(element, number)
    return UrlList(pages, dict(committed.redirects))


REDIRECT_MARK = '<meta name="binjai-redirect" content="1">'


def is_redirect_page(page: Path) -> bool:
    """Whether `page` is a redirect page this module wrote."""
    with page.open(encoding="utf-8") as handle:
        return REDIRECT_MARK in handle.read(400)


def redirect_html(target: str, anchors: dict[str, str]) -> str:
    """A page that sends the reader to `target` (relative URL), mapping moved `#id`s."""
    mapping = ", ".join(
        f'"{html.escape(old, quote=True)}": "{html.escape(new, quote=True)}"'
        for old, new in sorted(anchors.items())
    )
    href = html.escape(target, quote=True)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="id"><head><meta charset="utf-8">'
        f"{REDIRECT_MARK}"
        f'<meta http-equiv="refresh" content="0; url={href}">'
        f'<link rel="canonical" href="{href}">'
        "<title>Halaman ini pindah</title>"
        f"<script>var moved = {{{mapping}}}; var hash = location.hash.slice(1);"
        f' location.replace("{href}" + (moved[hash] ? "#" + moved[hash] : location.hash));'
        "</script></head>"
        f'<body><p>Halaman ini pindah ke <a href="{href}">{href}</a>.</p></body></html>\n'
    )


def write_redirects(html_dir: Path, committed: UrlList, built: UrlList) -> list[str]:
    """Write a redirect page for every redirected page that the built site no longer has, and
    an alias anchor for every id moved within a page; return the redirect pages' URLs."""
    written = []
    for old, new in sorted(committed.redirects.items()):
        if "#" in old:
            continue
        if old in built.pages:
            raise PublicUrlError(
                f"public-urls: {old} is redirected to {new}, but the site still has a page "
                "there; remove the redirect or the page."
            )
        target_page, _, target_id = new.partition("#")
        anchors = {
            old_id.split("#", 1)[1]: moved.split("#", 1)[1]
            for old_id, moved in committed.redirects.items()
            if old_id.startswith(f"{old}#") and "#" in moved
        }
        page = html_dir / old
        page.parent.mkdir(parents=True, exist_ok=True)
        relative = os.path.relpath(html_dir / target_page, page.parent)
        target = Path(relative).as_posix() + (f"#{target_id}" if target_id else "")
        page.write_text(redirect_html(target, anchors), encoding="utf-8")
        written.append(old)
    for old, new in sorted(committed.redirects.items()):
        old_page, _, old_id = old.partition("#")
        new_page, _, new_id = new.partition("#")
        if old_id and old_page == new_page and old_page in built.pages and new_id:
            add_alias(html_dir / old_page, old_id, new_id)
    return written


def add_alias(page: Path, old_id: str, new_id: str) -> None:
    """Give the element `new_id` of `page` a second, empty anchor `old_id` just before it."""
    text = page.read_text(encoding="utf-8")
    marker = f'id="{new_id}"'
    at = text.find(marker)
    if at < 0:
        raise PublicUrlError(f"public-urls: {page.name} has no element #{new_id} to point to.")
    start = text.rfind("<", 0, at)
    alias = f'<span id="{old_id}" class="binjai-alias"></span>'
    page.write_text(text[:start] + alias + text[start:], encoding="utf-8")


def check_public_urls(list_path: Path, html_dir: Path) -> UrlList:
    """Check the built site against the committed list (if any), write its redirects, and
    return the list to commit (the committed one plus what the site added)."""
    built = inventory(html_dir)
    committed = UrlList.read(list_path)
    if committed is None:
        return built
    found = problems(committed, built)
    if found:
        listing = "\n".join(f"  - {line}" for line in found)
        raise PublicUrlError(
            f"The built site lost public URLs or ids listed in {list_path.name}:\n{listing}\n"
            "Restore them, or say where each went under `redirects` (`old: new`, a page or "
            "`page#id`). Bappeda cites these addresses; they must keep working."
        )
    write_redirects(html_dir, committed, built)
    return merged(committed, built)
