"""The site's address scheme for source lines and indicator pages: one home for where
`sumber/…#L123` and `indikator/s07-i01.html` point.

A source's text is shown in blocks of `BLOCK_LINES` lines, one page each, so no page grows
heavy: line 12345 of source `lkjip-binjai-2018` is at
`sumber/lkjip-binjai-2018/baris-12001.html#L12345`. The blocks are fixed by line number, and
a vendored text never changes, so these addresses are stable. Views and the build both use
these functions; nothing else writes such an address.

An indicator's page is `indikator/<code>.html`, its code in lower case with its dots as
hyphens (`S07.I01` → `indikator/s07-i01.html`), and a sasaran's list of indicators is
`indikator/<sasaran code>.html`: codes are the framework's own, so the addresses stay. An
agency's page is `perangkat-daerah/<agency id>.html`, its id curated with the agency.
"""

from __future__ import annotations

import re
from html import escape

SOURCE_FOLDER = "sumber"
BLOCK_LINES = 2000
INDICATOR_FOLDER = "indikator"
AGENCY_FOLDER = "perangkat-daerah"


def block_start(line: int) -> int:
    """The first line of the block that holds `line` (lines count from 1)."""
    if line < 1:
        raise ValueError(f"line {line}: source lines count from 1")
    return (line - 1) // BLOCK_LINES * BLOCK_LINES + 1


def block_document(source_id: str, start: int) -> str:
    """The document path (no suffix) of the block that starts at `start`."""
    return f"{SOURCE_FOLDER}/{source_id}/baris-{start:05d}"


def source_document(source_id: str) -> str:
    """The document path of a source's outline page."""
    return f"{SOURCE_FOLDER}/{source_id}"


def line_anchor(line: int) -> str:
    return f"L{line}"


def line_url(source_id: str, line: int, root: str = "../") -> str:
    """The URL of one source line, seen from a page whose way back to the site root is
    `root` ('../' from a year or `tentang/` page, '' from the home page)."""
    page = block_document(source_id, block_start(int(line)))
    return f"{root}{page}.html#{line_anchor(int(line))}"


def line_link(source_id: str, line: int, text: str | None = None, root: str = "../") -> str:
    """An HTML link to one source line, its text escaped (default: the line number)."""
    shown = escape(str(int(line)) if text is None else text)
    title = f"Baris {int(line)} teks sumber"
    href = line_url(source_id, line, root)
    return f'<a class="binjai-line" href="{href}" title="{title}">{shown}</a>'


def code_slug(code: str) -> str:
    """A framework code as a file name: 'S07.I01' -> 's07-i01'."""
    slug = re.sub(r"[^a-z0-9]+", "-", str(code).lower()).strip("-")
    if not slug:
        raise ValueError(f"code {code!r} has no letters or digits to name a page by")
    return slug


def indicator_document(code: str) -> str:
    """The document path (no suffix) of an indicator's or a sasaran's page."""
    return f"{INDICATOR_FOLDER}/{code_slug(code)}"


def indicator_url(code: str, root: str = "../") -> str:
    """The URL of an indicator's (or sasaran's) page, seen from a page `root` below the root."""
    return f"{root}{indicator_document(code)}.html"


def indicator_link(code: str, text: str | None = None, root: str = "../") -> str:
    """An HTML link to an indicator's page, its text escaped (default: the code)."""
    return _page_link(
        indicator_url(code, root), str(code) if text is None else text, "binjai-indicator",
        f"Halaman indikator {code}",
    )  # fmt: skip


def agency_document(agency_id: str) -> str:
    """The document path (no suffix) of an agency's page."""
    return f"{AGENCY_FOLDER}/{code_slug(agency_id)}"


def agency_link(agency_id: str, text: str, root: str = "../") -> str:
    """An HTML link to an agency's page, its text (the agency's name) escaped."""
    href = f"{root}{agency_document(agency_id)}.html"
    return _page_link(href, text, "binjai-agency", f"Halaman perangkat daerah {text}")


def _page_link(href: str, text: str, css_class: str, title: str) -> str:
    return (
        f'<a class="{css_class}" href="{href}" title="{escape(title, quote=True)}">'
        f"{escape(text)}</a>"
    )
