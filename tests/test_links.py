"""Addresses of source lines: fixed blocks, stable paths, escaped link text."""

from __future__ import annotations

import pytest

from binjai_analysis.links import (
    BLOCK_LINES,
    block_start,
    code_slug,
    indicator_link,
    indicator_url,
    line_link,
    line_url,
)


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


@pytest.mark.parametrize(
    ("code", "slug"), [("S07.I01", "s07-i01"), ("S10", "s10"), (" S1 . I2 ", "s1-i2")]
)
def test_a_code_names_its_page_in_lower_case_with_hyphens(code, slug):
    assert code_slug(code) == slug
    assert indicator_url(code, root="") == f"indikator/{slug}.html"


def test_a_code_without_letters_or_digits_names_no_page():
    with pytest.raises(ValueError, match="no letters or digits"):
        code_slug("..")


def test_indicator_link_escapes_its_text_and_points_at_the_page():
    link = indicator_link("S01.I02", "<i>PDRB</i>")
    assert "&lt;i&gt;PDRB&lt;/i&gt;" in link
    assert 'href="../indikator/s01-i02.html"' in link
