"""Addresses of source lines: fixed blocks, stable paths, escaped link text."""

from __future__ import annotations

import pytest

from binjai_analysis.links import BLOCK_LINES, block_start, line_link, line_url


@pytest.mark.parametrize(
    ("line", "start"),
    [
        (1, 1),
        (BLOCK_LINES, 1),
        (BLOCK_LINES + 1, BLOCK_LINES + 1),
        (3 * BLOCK_LINES + 5, 3 * BLOCK_LINES + 1),
    ],
)
def test_a_line_belongs_to_the_block_that_holds_it(line, start):
    assert block_start(line) == start


def test_lines_count_from_one():
    with pytest.raises(ValueError, match="count from 1"):
        block_start(0)


def test_line_url_names_the_block_page_and_the_line_anchor():
    line = BLOCK_LINES + 345
    expected = f"sumber/src/baris-{BLOCK_LINES + 1:05d}.html#L{line}"
    assert line_url("src", line) == "../" + expected
    assert line_url("src", line, root="") == expected


def test_line_link_escapes_its_text():
    link = line_link("src", 7, "<b>1.234</b>")
    assert "&lt;b&gt;1.234&lt;/b&gt;" in link and "<b>" not in link
    assert 'href="../sumber/src/baris-00001.html#L7"' in link
