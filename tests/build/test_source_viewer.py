"""The source viewer: every line once, with its anchor, in blocks; an outline by line."""

from __future__ import annotations

import re

from binjai_analysis.build.source_viewer import (
    block_markdown,
    block_starts,
    outline,
    source_pages,
    source_toc,
)
from binjai_analysis.links import BLOCK_LINES, block_document, source_document


def test_outline_finds_chapters_and_captions_at_the_start_of_a_line():
    lines = (
        "KATA PENGANTAR",
        "BAB I PENDAHULUAN",
        "seperti pada Tabel 3.2 berikut",  # a reference in a sentence, not a caption
        "Tabel 3.2 Capaian Indikator",
        "  Gambar 1.5. Jumlah Siswa",
        "Grafik 4.1",
    )
    assert outline(lines) == [
        (1, "KATA PENGANTAR"),
        (2, "BAB I PENDAHULUAN"),
        (4, "Tabel 3.2 Capaian Indikator"),
        (5, "Gambar 1.5. Jumlah Siswa"),
        (6, "Grafik 4.1"),
    ]


def test_every_line_of_the_real_text_is_on_exactly_one_block_page(source):
    pages = source_pages({source.id: source})
    blocks = [p for p in pages if p.document != source_document(source.id)]
    assert len(blocks) == len(block_starts(source)) == -(-len(source.lines) // BLOCK_LINES)
    anchors = [int(n) for p in blocks for n in re.findall(r'id="L(\d+)"', p.markdown)]
    assert anchors == list(range(1, len(source.lines) + 1))


def test_a_block_shows_its_lines_escaped_with_their_numbers(source):
    text = block_markdown(source, 1)
    opening = '<span class="binjai-source-line" id="L1">'
    assert opening + '<a class="binjai-line-no" href="#L1">1</a>' in text
    assert "<script" not in text.split("````{raw} html", 1)[1]
    first = source.lines[0]
    assert first.replace("&", "&amp;").replace("<", "&lt;") in text


def test_the_outline_links_each_document_to_its_first_line(source):
    outline_page = next(
        p for p in source_pages({source.id: source}) if p.document == source_document(source.id)
    )
    for document in source.origin.documents:
        start = document.lines[0]
        assert f"{source.id}/baris-" in outline_page.markdown
        assert f"#L{start}" in outline_page.markdown
    assert "location.replace" in outline_page.markdown  # forwards `#L123` to its block


def test_toc_lists_the_outline_with_its_blocks(source):
    (chapter,) = source_toc({source.id: source})
    assert chapter["file"] == source_document(source.id)
    assert chapter["sections"][0] == {"file": block_document(source.id, 1)}
