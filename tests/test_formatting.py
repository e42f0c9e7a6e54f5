"""Escaping data text for generated MyST Markdown: it must render as exactly itself."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from docutils.core import publish_parts
from myst_parser.parsers.docutils_ import Parser

from binjai_analysis.formatting import markdown_code, markdown_text

# The extensions of _config.yml's `parse.myst_enable_extensions`.
MYST_EXTENSIONS = ["colon_fence", "deflist", "dollarmath", "substitution"]

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(2)>"
"""The hostile names of issue 7, for the views' tests too."""
SAFE_TAGS = {"p", "em", "strong", "ul", "ol", "li", "span"}
"""What generated Markdown may render to: paragraphs, lists, emphasis, code spans."""

HOSTILE = [
    SCRIPT,
    IMAGE,
    "a & b &amp; &lt;c&gt; &#60;",
    "*bold* _em_ **strong** __x__ ~~strike~~",
    "[link](https://example.org) ![img](x.png) <https://example.org>",
    "{download}`x <y>` {{ sub }} {sub}",
    "$x$ and $$y$$ and \\$z",
    "`code` and ``more``",
    "back\\slash \\* \\\\",
    "| a | b |",
    "# heading",
    "- item",
    "+ item",
    "1. item",
    "2) item",
    ": definition",
    "% comment",
    "(target)=",
    ":::{note}",
    "---",
    "===",
    "> quote",
    "line one\nline two\n\n# heading\n- item",
    "Peningkatan Sarana (Aparatur) 100 % – “kutip” 'satu'",
]


class _Rendered(HTMLParser):
    """The text of a rendered fragment and the tags it holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(markdown: str) -> tuple[str, list[str]]:
    """Render MyST Markdown as the site does (docutils, same extensions): (text, tags)."""
    body = publish_parts(
        markdown,
        parser=Parser(),
        writer_name="html5",
        settings_overrides={
            "myst_enable_extensions": MYST_EXTENSIONS,
            "report_level": 5,
            "halt_level": 5,
        },
    )["body"]
    parsed = _Rendered()
    parsed.feed(body)
    return " ".join("".join(parsed.text).split()), parsed.tags


def one_line(text: str) -> str:
    return " ".join(text.split())


def assert_shows_as_text(markdown: str, *texts: str) -> None:
    """`markdown` renders to plain formatting only, and each of `texts` reads as itself."""
    rendered, tags = render(markdown)
    assert set(tags) <= SAFE_TAGS, f"unexpected elements {set(tags) - SAFE_TAGS} in {markdown!r}"
    for text in texts:
        assert one_line(text) in rendered, f"{text!r} does not read as itself in {rendered!r}"


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_renders_as_itself_in_a_sentence(text):
    rendered, tags = render(f"Nama: {markdown_text(text)} (selesai).")
    assert rendered == f"Nama: {one_line(text)} (selesai)."
    assert tags == ["p"]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_renders_as_itself_at_the_start_of_a_line(text):
    rendered, tags = render(markdown_text(text))
    assert rendered == one_line(text)
    assert tags == ["p"]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_in_emphasis_and_list_items(text):
    rendered, tags = render(
        f"- baris ke-1 *{markdown_text(text)}*: catatan\n- {markdown_text(text)}"
    )
    assert rendered == f"baris ke-1 {one_line(text)}: catatan {one_line(text)}"
    assert tags == ["ul", "li", "p", "em", "li", "p"]


@pytest.mark.parametrize("text", [*HOSTILE, "`", "a ` b", "``x``", "1.234,00"])
def test_markdown_code_renders_verbatim(text):
    rendered, tags = render(f"angka {markdown_code(text)} tercetak")
    assert rendered == f"angka {one_line(text)} tercetak"
    assert tags[:2] == ["p", "span"] and set(tags) == {"p", "span"}  # docutils splits literals


def test_markdown_code_of_nothing_is_nothing():
    assert markdown_code("  ") == ""


def test_markdown_text_keeps_plain_names_readable():
    assert markdown_text("Pelayanan Administrasi Perkantoran") == (
        "Pelayanan Administrasi Perkantoran"
    )
    assert markdown_text(" Rasio  Akseptor\nKB ") == "Rasio Akseptor KB"
