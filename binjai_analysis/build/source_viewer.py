"""The source viewer: each vendored text as pages with an anchor per line and an outline.

Every figure on the site names its source line; these pages let a reader click it and read
that line in the text it came from. A source gets an outline page (`sumber/<id>.html`: its
documents, chapter headings and table captions, each linked to its line) and one page per
block of lines (`links.BLOCK_LINES`), so no page is heavy. The outline page also forwards
`sumber/<id>.html#L123` to the block that holds line 123.
"""

from __future__ import annotations

import re
from html import escape

from binjai_analysis.build.generated import GeneratedPage
from binjai_analysis.data.sources import Source
from binjai_analysis.formatting import format_count, markdown_text
from binjai_analysis.links import (
    BLOCK_LINES,
    block_document,
    line_anchor,
    line_url,
    source_document,
)

HEADING = re.compile(
    r"^\s*((?:BAB|Bab)\s+[IVX]+\b.*|(?:Tabel|Gambar|Grafik)\s+\d+(?:\.\d+)*\.?(?:\s.*)?"
    r"|LAMPIRAN\b.*|KATA PENGANTAR\b.*|DAFTAR ISI\b.*|RINGKASAN EKSEKUTIF\b.*)$"
)
"""A line that opens a chapter, or captions a table or figure (at the start of the line)."""
OUTLINE_LABEL_CHARS = 90


def outline(lines: tuple[str, ...]) -> list[tuple[int, str]]:
    """`(line, label)` of every chapter heading and table or figure caption of a text."""
    found = []
    for number, text in enumerate(lines, start=1):
        match = HEADING.match(text)
        if match:
            label = " ".join(match.group(1).split())
            if len(label) > OUTLINE_LABEL_CHARS:
                label = label[: OUTLINE_LABEL_CHARS - 1].rstrip() + "…"
            found.append((number, label))
    return found


def block_starts(source: Source) -> list[int]:
    return list(range(1, len(source.lines) + 1, BLOCK_LINES))


def block_markdown(source: Source, start: int) -> str:
    """One block's page: a title, the way back to the outline and on, and the lines."""
    end = min(start + BLOCK_LINES - 1, len(source.lines))
    title = markdown_text(source.origin.short_title)
    starts = block_starts(source)
    index = starts.index(start)
    nav = [f"{{doc}}`Daftar isi teks </{source_document(source.id)}>`"]
    if index > 0:
        nav.append(f"{{doc}}`baris sebelumnya </{block_document(source.id, starts[index - 1])}>`")
    if index + 1 < len(starts):
        nav.append(f"{{doc}}`baris berikutnya </{block_document(source.id, starts[index + 1])}>`")
    rows = []
    for number in range(start, end + 1):
        anchor = line_anchor(number)
        rows.append(
            f'<span class="binjai-source-line" id="{anchor}">'
            f'<a class="binjai-line-no" href="#{anchor}">{number}</a>'
            f"{escape(source.lines[number - 1])}</span>"
        )
    return "\n".join(
        [
            f"# Baris {format_count(start)}–{format_count(end)}",
            "",
            f"Teks sumber *{title}*, seperti diterima, tanpa perubahan. Nomor di kiri adalah "
            "nomor baris; klik nomornya untuk tautan ke baris itu. " + " · ".join(nav),
            "",
            "````{raw} html",
            # Each line is a block of its own: no newline between them, or each counts twice.
            '<pre class="binjai-source" tabindex="0" aria-label="Teks sumber">'
            + "".join(rows)
            + "</pre>",
            "````",
            "",
        ]
    )


def outline_markdown(source: Source) -> str:
    """A source's outline page: what the text is, its documents, and its headings by line."""
    origin = source.origin
    root = "../"  # the outline page sits in `sumber/`
    documents = [
        f'<li><a href="{line_url(source.id, d.lines[0], root)}">{escape(d.title)}</a>: baris '
        f"{format_count(d.lines[0])}–{format_count(d.lines[1])}</li>"
        for d in origin.documents
        if d.lines is not None
    ]
    headings = [
        f'<li><a href="{line_url(source.id, line, root)}">{escape(label)}</a> '
        f'<span class="binjai-outline-line">baris {format_count(line)}</span></li>'
        for line, label in outline(source.lines)
    ]
    first_block = block_document(source.id, 1).split("/", 1)[1]
    forward = (
        "<script>(function () { var m = /^#L([0-9]+)$/.exec(location.hash); if (!m) return;"
        f" var n = +m[1], s = Math.floor((n - 1) / {BLOCK_LINES}) * {BLOCK_LINES} + 1;"
        f' location.replace("{first_block.rsplit("-", 1)[0]}-" + String(s).padStart(5, "0")'
        ' + ".html#L" + n); })();</script>'
    )
    return "\n".join(
        [
            f"# Teks sumber: {markdown_text(origin.short_title)}",
            "",
            f"*{markdown_text(origin.title)}*. Teks ini ({format_count(len(source.lines))} "
            "baris) disimpan persis seperti "
            f"diterima; sidik sha256-nya `{origin.sha256}`. Setiap angka di situs ini menyebut "
            "baris asalnya di teks ini, dan tautan baris membuka halaman di bawah tepat pada "
            "baris itu.",
            "",
            "## Dokumen dalam teks ini",
            "",
            "````{raw} html",
            '<ul class="binjai-outline">' + "".join(documents) + "</ul>",
            forward,
            "````",
            "",
            "## Bab, tabel dan gambar",
            "",
            "````{raw} html",
            '<ul class="binjai-outline">' + "".join(headings) + "</ul>",
            "````",
            "",
        ]
    )


def source_pages(sources: dict[str, Source]) -> list[GeneratedPage]:
    """The viewer's pages of every source that has a text: outline first, then the blocks."""
    pages = []
    for source in sources.values():
        if source.text_path is None:
            continue
        pages.append(GeneratedPage(source_document(source.id), outline_markdown(source)))
        pages += [
            GeneratedPage(block_document(source.id, start), block_markdown(source, start))
            for start in block_starts(source)
        ]
    return pages


def source_toc(sources: dict[str, Source]) -> list[dict[str, object]]:
    """The table-of-contents chapters of the viewer: a source, with its blocks as sections."""
    return [
        {
            "file": source_document(source.id),
            "sections": [{"file": block_document(source.id, s)} for s in block_starts(source)],
        }
        for source in sources.values()
        if source.text_path is not None
    ]
